namespace LoyaltyStudio.Data.Configurations;

/// <summary>
/// Names of the database triggers that refuse UPDATE and DELETE on the append-only tables, so that raw SQL,
/// bulk operations and other tools cannot rewrite history either. The mappings declare them (EF Core then
/// avoids OUTPUT clauses on SQL Server); the AppendOnlyTriggers migration of each provider creates them.
/// </summary>
/// <remarks>SQLite drops a table's triggers when a migration rebuilds the table; a test fails if that ever happens.</remarks>
internal static class AppendOnlyTriggerNames
{
    public const string PointsLedger = "TR_PointsLedger_AppendOnly";
    public const string AuditEntries = "TR_AuditEntries_AppendOnly";
}

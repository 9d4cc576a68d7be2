using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AppendOnlyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The guard in EF Core (AppendOnlyGuard) stops the application; these stop raw SQL and other tools too.
            migrationBuilder.Sql("""
                CREATE TRIGGER [TR_PointsLedger_AppendOnly] ON [PointsLedger] AFTER UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'PointsLedger is append-only: entries are never changed or deleted; correct a balance with an adjustment entry.', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER [TR_AuditEntries_AppendOnly] ON [AuditEntries] AFTER UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'AuditEntries is append-only: audit entries are never changed or deleted.', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_PointsLedger_AppendOnly];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_AuditEntries_AppendOnly];");
        }
    }
}

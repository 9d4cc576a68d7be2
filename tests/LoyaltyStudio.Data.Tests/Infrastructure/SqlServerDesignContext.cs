namespace LoyaltyStudio.Data.Tests.Infrastructure;

/// <summary>A SQL Server context for generating SQL only: its connection string points nowhere and is never opened.</summary>
internal static class SqlServerDesignContext
{
    public static SqlServerLoyaltyDbContext Create() =>
        new(LoyaltyDbContextFactory.BuildOptions(DatabaseProvider.SqlServer,
            "Server=tcp:sql.invalid,1433;Database=Loyalty;User Id=loyalty;Password=never-used;TrustServerCertificate=true"));
}

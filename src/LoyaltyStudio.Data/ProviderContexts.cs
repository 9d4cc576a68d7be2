using LoyaltyStudio.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data;

/// <summary>The context as migrated on SQLite; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteLoyaltyDbContext(DbContextOptions options) : LoyaltyDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no decimal type: EF Core would store TEXT, on which SUM and ORDER BY cannot run in SQL.
        // REAL keeps aggregates in the database; money stays decimal in the domain and on SQL Server.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The context as migrated on SQL Server; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerLoyaltyDbContext(DbContextOptions options) : LoyaltyDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteLoyaltyDbContext>
{
    public SqliteLoyaltyDbContext CreateDbContext(string[] args) =>
        new(LoyaltyDbContextFactory.BuildOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context; the connection string is never opened.</summary>
internal sealed class SqlServerDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqlServerLoyaltyDbContext>
{
    public SqlServerLoyaltyDbContext CreateDbContext(string[] args) =>
        new(LoyaltyDbContextFactory.BuildOptions(DatabaseProvider.SqlServer,
            "Server=(design-time);Database=Loyalty;Integrated Security=true;TrustServerCertificate=true"));
}

using LoyaltyStudio.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LoyaltyStudio.Data.Tests.Schema;

public class MigrationTests
{
    private static SortedSet<string> ModelTables(DbContext context) =>
        new(context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>(), StringComparer.Ordinal);

    [Fact]
    public async Task Sqlite_migrations_applied_to_an_empty_file_create_every_table_of_the_model()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var tables = new SortedSet<string>(StringComparer.Ordinal);
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var expected = ModelTables(context);
        Assert.Contains("Customers", expected);
        Assert.Contains("PointsLedger", expected);
        Assert.Contains("AspNetUsers", expected);
        Assert.Empty(expected.Except(tables));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_migrations_match_the_model()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);
        await using var context = db.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changes not captured in Migrations/Sqlite: add a migration for SqliteLoyaltyDbContext.");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var context = SqlServerDesignContext.Create();

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changes not captured in Migrations/SqlServer: add a migration for SqlServerLoyaltyDbContext.");
    }

    [Fact]
    public void SqlServer_migration_script_creates_every_table_of_the_model()
    {
        using var context = SqlServerDesignContext.Create();

        var script = context.GetService<IMigrator>().GenerateScript();

        var missing = ModelTables(context).Where(t => !script.Contains($"CREATE TABLE [{t}]", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [TR_PointsLedger_AppendOnly] ON [PointsLedger] AFTER UPDATE, DELETE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [TR_AuditEntries_AppendOnly] ON [AuditEntries] AFTER UPDATE, DELETE", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_schema_keeps_money_as_decimal_and_enums_as_readable_text()
    {
        using var context = SqlServerDesignContext.Create();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("[Total] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[UnitPrice] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[Channel] nvarchar(32) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[ConsentProfiling] bit NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Customers_ExternalId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_CustomerScores_ScoringRunId_CustomerId]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_and_SqlServer_migration_sets_are_kept_apart()
    {
        using var sqlServer = SqlServerDesignContext.Create();
        using var sqlite = new SqliteLoyaltyDbContext(
            LoyaltyDbContextFactory.BuildOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        var assembly = typeof(LoyaltyDbContext).Assembly;
        Assert.All(assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Migration)) && t.Namespace!.EndsWith(".Sqlite", StringComparison.Ordinal)),
            t => Assert.Equal(typeof(SqliteLoyaltyDbContext), t.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Single().ContextType));
        Assert.All(assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Migration)) && t.Namespace!.EndsWith(".SqlServer", StringComparison.Ordinal)),
            t => Assert.Equal(typeof(SqlServerLoyaltyDbContext), t.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Single().ContextType));
    }
}

using LoyaltyStudio.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>Describes the configured database (never its password) and brings its schema up to date.</summary>
internal static class DatabaseSchema
{
    /// <summary>"Sqlite, file /path/loyalty.db" or "SqlServer, database Loyalty on server db01".</summary>
    public static string Describe(LoyaltyDbContextFactory factory) => factory.Provider switch
    {
        DatabaseProvider.Sqlite => $"Sqlite, file {Path.GetFullPath(new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource)}",
        _ => DescribeSqlServer(factory.ConnectionString),
    };

    private static string DescribeSqlServer(string connectionString)
    {
        var settings = new SqlConnectionStringBuilder(connectionString);
        return $"SqlServer, database {settings.InitialCatalog} on server {settings.DataSource}";
    }

    /// <summary>Applies pending migrations and returns their names (empty when the schema was up to date).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LoyaltyDbContextFactory factory, CancellationToken cancellationToken)
    {
        if (factory.Provider == DatabaseProvider.Sqlite)
            EnsureSqliteFolder(factory.ConnectionString);
        try
        {
            await using var context = factory.CreateDbContext();
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                await context.Database.MigrateAsync(cancellationToken);
            return pending;
        }
        catch (Exception ex) when (ex is SqlException or SqliteException)
        {
            throw new DatabaseStartupException($"Cannot migrate the database ({Describe(factory)}): {ex.Message}", ex);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var folder = Path.GetDirectoryName(file) ?? ".";
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"The data folder '{folder}' cannot be created ({ex.Message}). Point Database:DataFolder at a writable folder.", ex);
        }
    }
}

using LoyaltyStudio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Infrastructure;

/// <summary>
/// A real SQLite database file in its own temporary folder, migrated with the SQLite migration set unless
/// asked otherwise, and removed with its folder on dispose. Reusable by any test project.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "loyalty-test.db");
        // No pooling: a pooled connection would keep the file open after the test.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
        Factory = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, ConnectionString);
    }

    /// <summary>The temporary folder that holds the file.</summary>
    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public LoyaltyDbContextFactory Factory { get; }

    /// <summary>Creates a unique, empty database file; migrated to the latest schema when <paramref name="migrate"/> is true.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync(bool migrate = true, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "loyaltystudio-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder);
        if (migrate)
        {
            await using var context = database.CreateContext();
            await context.Database.MigrateAsync(cancellationToken);
        }
        return database;
    }

    /// <summary>A fresh context on this file; dispose it after one unit of work.</summary>
    public LoyaltyDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Adds the entities and saves them in one context, returning them with their ids set.</summary>
    public async Task<T[]> AddAsync<T>(params T[] entities) where T : class
    {
        await using var context = CreateContext();
        context.Set<T>().AddRange(entities);
        await context.SaveChangesAsync();
        return entities;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would hide the real result.
        }
        return ValueTask.CompletedTask;
    }
}

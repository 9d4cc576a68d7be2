using LoyaltyStudio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.TestSupport;

/// <summary>A real SQLite file in the temp folder, migrated like the app does it, deleted afterwards.</summary>
public sealed class TempSqliteDatabase : IAsyncDisposable
{
    private TempSqliteDatabase(string folder, LoyaltyDbContextFactory factory)
    {
        Folder = folder;
        Factory = factory;
    }

    public string Folder { get; }
    public LoyaltyDbContextFactory Factory { get; }

    public static async Task<TempSqliteDatabase> CreateMigratedAsync()
    {
        var folder = TempFolder.Create("db");
        var file = Path.Combine(folder, "loyalty.db");
        var factory = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await using (var db = factory.CreateDbContext())
            await db.Database.MigrateAsync();
        return new TempSqliteDatabase(folder, factory);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(Folder);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Unique folders under the system temp folder for one test's files.</summary>
public static class TempFolder
{
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "loyaltystudio-web-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing host; the temp folder is cleaned by the OS later.
        }
    }
}

/// <summary>A clock stopped at one instant, so "today" in a test is a fact of the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

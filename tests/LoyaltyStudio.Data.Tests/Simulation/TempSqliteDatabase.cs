using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LoyaltyStudio.Data.Simulation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Simulation;

/// <summary>
/// The shared <see cref="Infrastructure.SqliteTestDatabase"/> (a migrated temp file) plus what the simulator tests
/// need on top: a simulator with a fixed clock and a hash of every table.
/// </summary>
internal sealed class TempSqliteDatabase : IAsyncDisposable
{
    private readonly Infrastructure.SqliteTestDatabase _database;

    private TempSqliteDatabase(Infrastructure.SqliteTestDatabase database) => _database = database;

    public string Folder => _database.Folder;
    public string FilePath => _database.FilePath;
    public LoyaltyDbContextFactory Factory => _database.Factory;

    public static async Task<TempSqliteDatabase> CreateAsync() => new(await Infrastructure.SqliteTestDatabase.CreateAsync());

    /// <summary>A simulator on this database whose clock is fixed, so two runs give identical tables.</summary>
    public LoyaltySimulator Generator(int batchSize = LoyaltySimulator.DefaultBatchSize) => new(Factory, batchSize, FixedClock.Instance);

    public LoyaltyDbContext Context() => Factory.CreateDbContext();

    /// <summary>
    /// A hash per table over every row (ordered by all columns) of the tables the model maps, so two databases
    /// can be compared without naming a table or column here.
    /// </summary>
    public async Task<SortedDictionary<string, string>> TableHashesAsync()
    {
        await using var context = Context();
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !t.StartsWith("AspNet", StringComparison.Ordinal)).Distinct().ToList();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var line = new StringBuilder();
            while (await reader.ReadAsync())
            {
                line.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                    line.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                rows.Add(line.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            hashes[table] = $"{rows.Count} rows, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        }
        return hashes;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

/// <summary>A clock stopped at one moment.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly FixedClock Instance = new();

    public override DateTimeOffset GetUtcNow() => new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
}

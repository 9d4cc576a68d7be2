using LoyaltyStudio.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LoyaltyStudio.Data.Tests.Schema;

/// <summary>
/// The indexes the pages' lookups rely on (customer by e-mail, name and external id; orders by customer and date;
/// scores by run and customer) are created by both migration sets, on the columns and in the order the queries use.
/// </summary>
public class LookupIndexTests
{
    public static TheoryData<string, string[], bool> LookupIndexes => new()
    {
        { "Customers", ["Email"], false },
        { "Customers", ["LastName", "FirstName"], false },
        { "Customers", ["ExternalId"], true },
        { "Orders", ["CustomerId", "OrderedAt"], false },
        { "CustomerScores", ["ScoringRunId", "CustomerId"], true },
    };

    [Theory]
    [MemberData(nameof(LookupIndexes))]
    public async Task Sqlite_migrations_create_the_lookup_index(string table, string[] columns, bool unique)
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();

        var indexes = new List<(string Name, bool Unique, List<string> Columns)>();
        foreach (var (name, isUnique) in await ReadAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}')",
                     r => (r.GetString(0), r.GetInt64(1) == 1)))
            indexes.Add((name, isUnique, await ReadAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0))));

        Assert.Contains(indexes, i => i.Columns.SequenceEqual(columns) && i.Unique == unique);
    }

    [Theory]
    [MemberData(nameof(LookupIndexes))]
    public void SqlServer_migration_script_creates_the_lookup_index(string table, string[] columns, bool unique)
    {
        using var context = SqlServerDesignContext.Create();

        var script = context.GetService<IMigrator>().GenerateScript();

        var name = $"IX_{table}_{string.Join('_', columns)}";
        var expected = $"CREATE {(unique ? "UNIQUE " : "")}INDEX [{name}] ON [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))})";
        Assert.Contains(expected, script, StringComparison.Ordinal);
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }
}

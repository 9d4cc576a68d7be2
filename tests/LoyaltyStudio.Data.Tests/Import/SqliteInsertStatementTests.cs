using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LoyaltyStudio.Data.Tests.Import;

/// <summary>The positional fast path must store exactly what Microsoft.Data.Sqlite's named parameters store.</summary>
public sealed class SqliteInsertStatementTests
{
    private static readonly object?[] Values =
    [
        new DateTime(2025, 1, 2, 10, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 14, 9, 26, 53, 589, DateTimeKind.Utc).AddTicks(7),
        12.50m, -0.001m, "", "Grace", null, DBNull.Value, 42L, 7, 3.25, 1e-7, true, (short)-3, (byte)200, new byte[] { 1, 0, 255 },
        DayOfWeek.Friday,
    ];

    [Fact]
    public async Task Values_bound_by_position_are_stored_exactly_as_named_parameters_store_them()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(migrate: false);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var columns = Enumerable.Range(0, Values.Length).Select(i => "c" + i).ToList();
        Execute(connection, $"CREATE TABLE t (row INTEGER, {string.Join(", ", columns)})");

        await using (var named = connection.CreateCommand())
        {
            named.CommandText = $"INSERT INTO t VALUES (1, {string.Join(", ", columns.Select(c => "$" + c))})";
            for (var i = 0; i < Values.Length; i++)
                named.Parameters.AddWithValue("$" + columns[i], Values[i] ?? DBNull.Value);
            await named.ExecuteNonQueryAsync();
        }
        using (var positional = new SqliteInsertStatement(connection, $"INSERT INTO t VALUES (2, {string.Join(", ", columns.Select(_ => "?"))})"))
        {
            Assert.Equal(Values.Length, positional.ParameterCount);
            for (var i = 0; i < Values.Length; i++)
                positional.Bind(i + 1, Values[i]);
            positional.Execute();
        }

        var stored = Query(connection, $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"typeof({c}) || ':' || quote({c})"))} FROM t ORDER BY row");
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Contains("text:''", stored[1], StringComparison.Ordinal); // an empty string stays a string, not NULL
    }

    [Fact]
    public async Task A_constraint_violation_is_reported_with_the_sqlite_message_and_the_statement_stays_usable()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(migrate: false);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
        using var insert = new SqliteInsertStatement(connection, "INSERT INTO t (id, name) VALUES (?, ?)");
        insert.BindInt64(1, 1);
        insert.BindText(2, "a");
        insert.Execute();

        insert.BindInt64(1, 2);
        insert.BindText(2, "a");
        var error = Assert.Throws<SqliteException>(insert.Execute);

        Assert.Contains("UNIQUE constraint failed: t.name", error.Message, StringComparison.Ordinal);
        insert.BindInt64(1, 3);
        insert.BindText(2, "b");
        insert.Execute();
        Assert.Equal(["1|a", "3|b"], Query(connection, "SELECT id || '|' || name FROM t ORDER BY id"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }
}

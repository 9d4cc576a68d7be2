using System.Data.Common;
using System.Text;
using LoyaltyStudio.Data.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LoyaltyStudio.Data.Import;

/// <summary>
/// A prepared multi-row INSERT for the importer's hot path (order lines): values are set straight into a reused
/// buffer, without an entity per row, and bound by position on SQLite. Tables, columns and parameter types come from
/// the EF Core model, and creation fails if the mapping has a column this writer would leave out.
/// </summary>
internal sealed class BatchedInsert : IAsyncDisposable
{
    // On SQLite the values are bound by position through SqliteInsertStatement (named binding through Microsoft.Data.Sqlite
    // was a quarter of the import's time); other providers go through DbCommand parameters.
    private const int SqliteRowsPerCommand = 16;
    private const int SqlServerParameters = 2_000;

    private readonly DbContext _context;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly IReadOnlyList<(string Column, RelationalTypeMapping Mapping, bool Nullable)> _columns;
    private readonly Dictionary<int, DbCommand> _commands = [];
    private readonly Dictionary<int, SqliteInsertStatement> _statements = [];
    private readonly SqliteConnection? _sqlite;
    private readonly object?[] _values;
    private readonly Func<object?, object?>?[] _converters;
    private readonly bool _identityInsert;
    private int _rows;

    private BatchedInsert(DbContext context, DbTransaction transaction, string table,
        IReadOnlyList<(string, RelationalTypeMapping, bool)> columns, bool identityInsert)
    {
        _context = context;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _identityInsert = identityInsert;
        RowsPerCommand = context.Database.IsSqlServer()
            ? Math.Max(1, Math.Min(1_000, SqlServerParameters / columns.Count))
            : SqliteRowsPerCommand;
        _values = new object?[RowsPerCommand * columns.Count];
        _converters = [.. columns.Select(c => c.Item2.Converter is { } converter ? converter.ConvertToProvider : null)];
        if (context.Database.GetDbConnection() is SqliteConnection sqlite
            && columns.All(c => SqliteInsertStatement.CanBind(c.Item2.Converter?.ProviderClrType ?? c.Item2.ClrType)))
            _sqlite = sqlite;
    }

    public int RowsPerCommand { get; }

    /// <summary>Run before each statement, e.g. to write the parent rows this table's foreign keys point to.</summary>
    public Func<CancellationToken, Task>? BeforeExecute { get; set; }

    /// <summary>
    /// A writer for <typeparamref name="T"/>'s table and exactly the properties named, in that order. Every other
    /// column of the table must be store-generated (the key when <paramref name="properties"/> leaves it out).
    /// </summary>
    public static BatchedInsert For<T>(DbContext context, params string[] properties)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The importer writes inside a transaction; begin one first.");
        var entityType = context.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var tableName = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = properties.Select(name =>
        {
            var property = entityType.FindProperty(name)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no mapped property {name}.");
            return (sql.DelimitIdentifier(property.GetColumnName(store)!), (RelationalTypeMapping)property.GetTypeMapping(),
                property.IsColumnNullable(store));
        }).ToList();

        var left = entityType.GetProperties()
            .Where(p => !properties.Contains(p.Name) && !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => p.Name).ToList();
        if (left.Count > 0)
            throw new InvalidOperationException(
                $"The {tableName} mapping has columns the importer does not write ({string.Join(", ", left)}); update the importer.");

        var key = entityType.FindPrimaryKey()!.Properties[0];
        var identityInsert = context.Database.IsSqlServer() && properties.Contains(key.Name)
            && key.ValueGenerated != ValueGenerated.Never;
        return new BatchedInsert(context, transaction, sql.DelimitIdentifier(tableName, entityType.GetSchema()), columns, identityInsert);
    }

    /// <summary>The slots of the next row, one per property in the order given; fill them, then call <see cref="RowDoneAsync"/>.</summary>
    public Span<object?> NextRow() => _values.AsSpan(_rows * _columns.Count, _columns.Count);

    public ValueTask RowDoneAsync(CancellationToken cancellationToken)
    {
        _rows++;
        return _rows == RowsPerCommand ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>Writes the rows buffered so far.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0)
            return;
        if (BeforeExecute is not null)
            await BeforeExecute(cancellationToken);
        var count = _rows * _columns.Count;
        if (_sqlite is not null)
        {
            var statement = StatementFor(_rows);
            for (var i = 0; i < count; i++)
            {
                var value = _values[i];
                var converter = _converters[i % _converters.Length];
                statement.Bind(i + 1, value is null || converter is null ? value : converter(value));
            }
            _rows = 0;
            statement.Execute();
            return;
        }
        var command = CommandFor(_rows);
        var parameters = command.Parameters;
        for (var i = 0; i < count; i++)
        {
            // The model's converters (enum names, decimal on SQLite, UTC dates) turn CLR values into what the store keeps.
            var value = _values[i];
            var converter = _converters[i % _converters.Length];
            parameters[i].Value = value is null ? DBNull.Value : converter is null ? value : converter(value) ?? DBNull.Value;
        }
        _rows = 0;
        if (_identityInsert)
            await ExecuteAsync($"SET IDENTITY_INSERT {_table} ON", cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (_identityInsert)
            await ExecuteAsync($"SET IDENTITY_INSERT {_table} OFF", cancellationToken);
    }

    private SqliteInsertStatement StatementFor(int rows)
    {
        if (_statements.TryGetValue(rows, out var cached))
            return cached;
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", _columns.Count)) + ")";
        var statement = new SqliteInsertStatement(_sqlite!, $"INSERT INTO {_table} ({string.Join(", ", _columns.Select(c => c.Column))}) VALUES " +
            string.Join(", ", Enumerable.Repeat(row, rows)));
        _statements[rows] = statement;
        return statement;
    }

    private DbCommand CommandFor(int rows)
    {
        if (_commands.TryGetValue(rows, out var cached))
            return cached;
        var sql = _context.GetService<ISqlGenerationHelper>();
        var command = _context.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        var text = new StringBuilder("INSERT INTO ").Append(_table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => c.Column)).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Count; c++)
            {
                var name = "p" + p++;
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, _columns[c].Nullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        command.Prepare();
        _commands[rows] = command;
        return command;
    }

    private async Task ExecuteAsync(string text, CancellationToken cancellationToken)
    {
        await using var command = _context.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
            await command.DisposeAsync();
        _commands.Clear();
        foreach (var statement in _statements.Values)
            statement.Dispose();
        _statements.Clear();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Bulk;

/// <summary>
/// While a large data set is written into SQLite in one transaction, a bigger page cache keeps the growing indexes in
/// memory instead of spilling dirty pages to the file again and again (the default cache is 2 MB). Optionally also
/// switches foreign-key enforcement off, for a writer that checks its references itself. Restores both settings when
/// disposed, before the connection goes back to the pool; does nothing on other providers.
/// </summary>
public sealed class SqliteBulkTuning : IAsyncDisposable
{
    private const long CacheKibibytes = 256 * 1024;

    private readonly DbContext? _context;
    private readonly long _previous;
    private readonly bool _foreignKeysOff;

    private SqliteBulkTuning(DbContext? context, long previous, bool foreignKeysOff)
    {
        _context = context;
        _previous = previous;
        _foreignKeysOff = foreignKeysOff;
    }

    /// <summary>Raises the cache size of the context's open connection, if it is SQLite.</summary>
    public static Task<SqliteBulkTuning> ApplyAsync(DbContext context, CancellationToken cancellationToken) =>
        ApplyAsync(context, foreignKeysOff: false, cancellationToken);

    /// <summary>
    /// Raises the cache size of the context's open connection, if it is SQLite, and with <paramref name="foreignKeysOff"/>
    /// switches foreign-key enforcement off (only possible outside a transaction: apply before beginning one).
    /// </summary>
    public static async Task<SqliteBulkTuning> ApplyAsync(DbContext context, bool foreignKeysOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Database.IsSqlite())
            return new SqliteBulkTuning(null, 0, false);
        if (foreignKeysOff && context.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("Foreign keys can only be switched off outside a transaction: apply the tuning before beginning one.");
        var previous = await ScalarAsync(context, "PRAGMA cache_size", cancellationToken);
        await ScalarAsync(context, $"PRAGMA cache_size = -{CacheKibibytes}", cancellationToken);
        if (foreignKeysOff)
            await ScalarAsync(context, "PRAGMA foreign_keys = OFF", cancellationToken);
        return new SqliteBulkTuning(context, previous, foreignKeysOff);
    }

    /// <summary>
    /// Drops the secondary indexes of the tables of <paramref name="entityTypes"/> inside the caller's transaction and returns what
    /// rebuilds them (<see cref="DeferredIndexes.RebuildAsync"/>, to run before commit). Building an index once over
    /// sorted rows is much cheaper than updating it for every inserted row (measured: the three event indexes cost
    /// about as much as the rows themselves). Index DDL is transactional in SQLite, so a rollback restores them, and a
    /// unique index that no longer holds fails the rebuild and with it the whole load. Does nothing on other providers.
    /// </summary>
    internal static async Task<DeferredIndexes> DeferIndexesAsync(DbContext context, IEnumerable<Type> entityTypes,
        CancellationToken cancellationToken)
    {
        if (!context.Database.IsSqlite())
            return new DeferredIndexes(context, []);
        var tables = entityTypes.Select(t => context.Model.FindEntityType(t)?.GetTableName()
            ?? throw new InvalidOperationException($"{t.Name} is not mapped to a table.")).ToHashSet(StringComparer.Ordinal);
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = context.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (tables.Contains(reader.GetString(1)))
                    indexes.Add((reader.GetString(0), reader.GetString(2)));
            }
        }
        foreach (var (name, _) in indexes)
            await ExecuteAsync(context, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        return new DeferredIndexes(context, [.. indexes.Select(i => i.Sql)]);
    }

    private static async Task ExecuteAsync(DbContext context, string sql, CancellationToken cancellationToken)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Indexes dropped for a bulk load, with the statements that rebuild them.</summary>
    internal sealed class DeferredIndexes(DbContext context, IReadOnlyList<string> definitions)
    {
        /// <summary>Recreates the dropped indexes, in the load's transaction.</summary>
        public async Task RebuildAsync(CancellationToken cancellationToken)
        {
            foreach (var sql in definitions)
                await ExecuteAsync(context, sql, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is null)
            return;
        if (_foreignKeysOff)
            await ScalarAsync(_context, "PRAGMA foreign_keys = ON", CancellationToken.None);
        await ScalarAsync(_context, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {_previous}"), CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(DbContext context, string sql, CancellationToken cancellationToken)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}

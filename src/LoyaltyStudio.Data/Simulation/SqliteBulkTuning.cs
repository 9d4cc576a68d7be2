using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// While a large data set is written into SQLite in one transaction, a bigger page cache keeps the growing indexes in
/// memory instead of spilling dirty pages to the file again and again (the default cache is 2 MB). Restores the
/// previous setting when disposed; does nothing on other providers.
/// </summary>
internal sealed class SqliteBulkTuning : IAsyncDisposable
{
    private const long CacheKibibytes = 256 * 1024;

    private readonly DbContext? _context;
    private readonly long _previous;

    private SqliteBulkTuning(DbContext? context, long previous)
    {
        _context = context;
        _previous = previous;
    }

    /// <summary>Raises the cache size of the context's open connection, if it is SQLite.</summary>
    public static async Task<SqliteBulkTuning> ApplyAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!context.Database.IsSqlite())
            return new SqliteBulkTuning(null, 0);
        var previous = await ScalarAsync(context, "PRAGMA cache_size", cancellationToken);
        await ScalarAsync(context, $"PRAGMA cache_size = -{CacheKibibytes}", cancellationToken);
        return new SqliteBulkTuning(context, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
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

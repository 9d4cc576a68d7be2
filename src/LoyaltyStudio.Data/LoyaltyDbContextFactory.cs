using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data;

/// <summary>
/// Creates contexts for the configured provider. Blazor components and background work take a fresh
/// context per unit of work from here, because a DbContext must not be shared across threads.
/// </summary>
public sealed class LoyaltyDbContextFactory : IDbContextFactory<LoyaltyDbContext>
{
    private readonly DbContextOptions _options;

    public LoyaltyDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _options = BuildOptions(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public LoyaltyDbContext CreateDbContext() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteLoyaltyDbContext(_options),
        DatabaseProvider.SqlServer => new SqlServerLoyaltyDbContext(_options),
        _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
    };

    internal static DbContextOptions BuildOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<LoyaltyDbContext>();
        builder.AddInterceptors(new AppendOnlyGuard());
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(LoyaltyDbContext).Assembly.FullName));
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: it refuses user-initiated transactions, which the seeding and the
                // atomic swap of scoring runs rely on, and nothing here can run against SQL Server to catch that.
                builder.UseSqlServer(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {provider}.");
        }
        return builder.Options;
    }

    /// <summary>
    /// Works out the connection string from settings: <c>ConnectionStrings:Loyalty</c> when given, otherwise
    /// (SQLite only) a file in the data folder. Fails with a message naming the setting that is wrong.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(
        DatabaseOptions options, string? configuredConnectionString, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.ParsedProvider;
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(configuredConnectionString))
                throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:Loyalty is empty. " +
                    "Set it (environment variable ConnectionStrings__Loyalty) to your SQL Server connection string.");
            var sql = new SqlConnectionStringBuilder(configuredConnectionString);
            if (!configuredConnectionString.Contains("Connect Timeout", StringComparison.OrdinalIgnoreCase)
                && !configuredConnectionString.Contains("Connection Timeout", StringComparison.OrdinalIgnoreCase))
                sql.ConnectTimeout = options.ConnectTimeoutSeconds;
            return (provider, sql.ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(configuredConnectionString))
            return (provider, configuredConnectionString);

        var folder = Path.IsPathRooted(options.DataFolder)
            ? options.DataFolder
            : Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        var file = Path.Combine(folder, options.SqliteFileName);
        return (provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
    }
}

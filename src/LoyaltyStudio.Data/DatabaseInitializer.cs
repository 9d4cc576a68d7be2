using LoyaltyStudio.Data.Simulation;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Data;

/// <summary>
/// Start-up work on the database: checks the SQLite folder can be written or SQL Server answers, applies
/// migrations, and seeds the demo data set into an empty database when <c>Demo:Enabled</c> is on.
/// </summary>
public sealed class DatabaseInitializer(
    LoyaltyDbContextFactory contextFactory,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<DemoOptions> demoOptions,
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    ILogger<DatabaseInitializer> logger) : IDatabaseInitializer
{
    private readonly DatabaseOptions _database = databaseOptions.Value;
    private readonly DemoOptions _demo = demoOptions.Value;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var firstStart = contextFactory.Provider switch
        {
            DatabaseProvider.Sqlite => EnsureSqliteFolderIsWritable(),
            _ => await EnsureSqlServerAnswersAsync(cancellationToken),
        };

        try
        {
            await using var context = contextFactory.CreateDbContext();
            await MigrateOrCheckAsync(context, firstStart, cancellationToken);
        }
        catch (SqliteException ex) when (contextFactory.Provider == DatabaseProvider.Sqlite)
        {
            // The folder can be written, yet SQLite cannot use the file: a folder in its place, a file that is not a
            // database, a read-only or locked file. Name the file and the settings rather than show a stack trace.
            throw new DatabaseStartupException(
                $"The SQLite database '{SqliteFile()}' cannot be opened and migrated ({ex.Message}). Move that file or folder " +
                $"away, or point {DatabaseOptions.Section}:DataFolder / {DatabaseOptions.Section}:SqliteFileName " +
                "(or the Data Source of ConnectionStrings:Loyalty) at a usable file.", ex);
        }

        await SeedDemoDataIfEmptyAsync(cancellationToken);
    }

    /// <summary>Creates the data folder and proves a file can be written there. Returns true when the database file is new.</summary>
    private bool EnsureSqliteFolderIsWritable()
    {
        if (SqliteFile() is not { } file)
            return true;

        var folder = Path.GetDirectoryName(file) ?? ".";
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "LoyaltyStudio checks the data folder can be written.");
            File.Delete(probe);
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DatabaseStartupException(
                $"The data folder '{folder}' cannot be created or written ({ex.Message}). " +
                $"Fix its permissions or point the setting {DatabaseOptions.Section}:DataFolder " +
                "(or the Data Source of ConnectionStrings:Loyalty, when that is set) at a writable folder.", ex);
        }

        if (Directory.Exists(file))
            throw new DatabaseStartupException(
                $"The SQLite database '{file}' is a folder, so SQLite cannot open it as a file. Move that folder away, or point " +
                $"{DatabaseOptions.Section}:DataFolder / {DatabaseOptions.Section}:SqliteFileName at a file that can be written.");

        var isNew = !File.Exists(file) || new FileInfo(file).Length == 0;
        logger.LogInformation("SQLite database {DatabaseFile} ({State})", file, isNew ? "new" : "existing");
        return isNew;
    }

    /// <summary>The full path of the SQLite file, or null for an in-memory database.</summary>
    private string? SqliteFile()
    {
        var dataSource = new SqliteConnectionStringBuilder(contextFactory.ConnectionString).DataSource;
        return string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>Opens one connection, bounded by the connect timeout, so a wrong server fails start-up quickly.</summary>
    private async Task<bool> EnsureSqlServerAnswersAsync(CancellationToken cancellationToken)
    {
        var settings = new SqlConnectionStringBuilder(contextFactory.ConnectionString);
        var server = settings.DataSource;
        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.ConnectTimeout));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + TimeSpan.FromSeconds(5));
        try
        {
            await using var connection = new SqlConnection(contextFactory.ConnectionString);
            await connection.OpenAsync(deadline.Token);
            logger.LogInformation("SQL Server {Server} answered; database {Database}", server, settings.InitialCatalog);
            return false;
        }
        catch (SqlException ex) when (ex.Number == 4060)
        {
            // "Cannot open database": the server answered, the database does not exist yet; migrating creates it.
            logger.LogInformation("SQL Server {Server} answered; database {Database} does not exist yet", server, settings.InitialCatalog);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseStartupException(
                $"SQL Server '{server}' (from ConnectionStrings:Loyalty) did not answer within {timeout.TotalSeconds:0} seconds. " +
                "Check the server name, port and firewall, or the Connect Timeout in the connection string.");
        }
        catch (Exception ex) when (ex is SqlException or InvalidOperationException or ArgumentException)
        {
            throw new DatabaseStartupException(
                $"Cannot connect to SQL Server '{server}' given in ConnectionStrings:Loyalty: {ex.Message}", ex);
        }
    }

    private async Task MigrateOrCheckAsync(LoyaltyDbContext context, bool firstStart, CancellationToken cancellationToken)
    {
        var migrate = _database.MigrateOnStart || (firstStart && contextFactory.Provider == DatabaseProvider.Sqlite);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return;
        }

        if (!migrate)
        {
            var applied = await context.Database.GetAppliedMigrationsAsync(cancellationToken);
            if (!applied.Any())
                throw new DatabaseStartupException(
                    $"The database has no schema yet and {DatabaseOptions.Section}:MigrateOnStart is false. " +
                    "Run 'loyalty db migrate' or set Database:MigrateOnStart to true.");
            logger.LogWarning("{Count} migrations are pending ({Migrations}) and Database:MigrateOnStart is false; run 'loyalty db migrate'",
                pending.Count, string.Join(", ", pending));
            return;
        }

        logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await context.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Migrations applied");
    }

    private async Task SeedDemoDataIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!_demo.Enabled)
            return;

        await using (var context = contextFactory.CreateDbContext())
        {
            if (await context.Customers.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Demo mode is on and the database already holds customers; nothing to seed");
                return;
            }
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var generator = scope.ServiceProvider.GetServices<ILoyaltyDataGenerator>().LastOrDefault();
        if (generator is null)
        {
            logger.LogWarning("Demo mode is on and the database is empty, but no data generator is registered; skipping demo data");
            return;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var request = GenerationRequest.EndingOn(today, _demo.Customers, _demo.Seed, _demo.Months);
        logger.LogInformation("Seeding demo data: {Customers} customers, seed {Seed}, {From} to {To}",
            request.Customers, request.Seed, request.From, request.To);
        var summary = await generator.GenerateAsync(request, new LoggingProgress(logger), cancellationToken);
        logger.LogInformation(
            "Demo data seeded in {Elapsed}: {Customers} customers, {Products} products, {Orders} orders, {OrderLines} order lines, " +
            "{Events} events, {SupportContacts} support contacts, {PointsEntries} points entries",
            summary.Elapsed, summary.Customers, summary.Products, summary.Orders, summary.OrderLines,
            summary.InteractionEvents, summary.SupportContacts, summary.PointsEntries);
    }

    /// <summary>Logs generation progress at each new stage and every tenth of the customers, not on every report.</summary>
    private sealed class LoggingProgress(ILogger logger) : IProgress<GenerationProgress>
    {
        private string? _stage;
        private int _lastDecile = -1;

        public void Report(GenerationProgress value)
        {
            var decile = value.CustomersTotal <= 0 ? 10 : value.CustomersDone * 10 / value.CustomersTotal;
            if (value.Stage == _stage && decile == _lastDecile)
                return;
            _stage = value.Stage;
            _lastDecile = decile;
            logger.LogInformation("Demo data: {Stage} {Done}/{Total} customers", value.Stage, value.CustomersDone, value.CustomersTotal);
        }
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

/// <summary>
/// A small simulated loyalty program (1,500 customers, 24 months ending 2026-06-30, seed 5), generated once into a
/// migrated SQLite file; each test works on its own copy (<see cref="CopyAsync"/>), so tests may train and score.
/// </summary>
public sealed class SimulatedScoringDatabase : IAsyncLifetime
{
    public static readonly GenerationRequest Request = new(1500, 5, new DateOnly(2024, 7, 1), new DateOnly(2026, 6, 30));

    private TempSqliteDatabase? _template;

    public async Task InitializeAsync()
    {
        _template = await TempSqliteDatabase.CreateMigratedAsync();
        await new LoyaltySimulator(_template.Factory).GenerateAsync(Request, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_template is not null)
            await _template.DisposeAsync();
    }

    /// <summary>A consistent copy of the simulated database (VACUUM INTO) in its own temp folder.</summary>
    public async Task<ScoringDatabaseCopy> CopyAsync()
    {
        var template = _template ?? throw new InvalidOperationException("The simulated data is not generated yet.");
        var folder = TempFolder.Create("scoring");
        var file = Path.Combine(folder, "loyalty.db");
        await using (var source = new SqliteConnection(Connection(Path.Combine(template.Folder, "loyalty.db"))))
        {
            await source.OpenAsync();
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", file);
            await vacuum.ExecuteNonQueryAsync();
        }
        return new ScoringDatabaseCopy(folder, new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, Connection(file)));
    }

    private static string Connection(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
}

/// <summary>One test's copy of the simulated database; deleted afterwards.</summary>
public sealed class ScoringDatabaseCopy(string folder, LoyaltyDbContextFactory factory) : IAsyncDisposable
{
    public LoyaltyDbContextFactory Factory { get; } = factory;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(folder);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Test classes sharing one <see cref="SimulatedScoringDatabase"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedScoringDatabaseGroup : ICollectionFixture<SimulatedScoringDatabase>
{
    public const string Name = "Simulated scoring database";
}

/// <summary>Builds the real coordinator over a database, the way the web app's registrations do.</summary>
public static class RealScoring
{
    public static ScoringCoordinator Coordinator(LoyaltyDbContextFactory factory, TimeProvider time)
    {
        var features = new SqlFeatureBuilder(factory);
        var registry = new ModelVersionRegistry(factory, time);
        var options = new ScoringOptions();
        return new ScoringCoordinator(factory, new ScoringRunner(factory, features, registry, options, time),
            new Trainer(factory, features, registry), registry, options, time, NullLogger<ScoringCoordinator>.Instance);
    }

    /// <summary>Waits (without sleeping) until the coordinator's state satisfies <paramref name="condition"/>.</summary>
    public static async Task<ScoringState> WaitForStateAsync(IScoringCoordinator coordinator, Func<ScoringState, bool> condition, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource<ScoringState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            var state = coordinator.State;
            if (condition(state))
                reached.TrySetResult(state);
        }
        coordinator.StateChanged += Check;
        try
        {
            Check(null, EventArgs.Empty);
            return await reached.Task.WaitAsync(timeout);
        }
        finally
        {
            coordinator.StateChanged -= Check;
        }
    }
}

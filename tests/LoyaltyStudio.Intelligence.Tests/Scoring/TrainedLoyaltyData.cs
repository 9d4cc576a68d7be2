using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LoyaltyStudio.Intelligence.Tests.Scoring;

/// <summary>
/// Copies of the shared simulated program for tests that write: the program as generated, or with models trained once
/// (the trained template is made on first use and shared by every test of the process).
/// </summary>
internal static class TrainedLoyaltyData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SqliteTestDatabase? _trained;
    private static TrainingOutcome? _outcome;

    public static ScoringOptions Options { get; } = new();

    /// <summary>The outcome of training the template (to assert on what training reported).</summary>
    public static async Task<TrainingOutcome> OutcomeAsync(SimulatedLoyaltyData data)
    {
        await TemplateAsync(data);
        return _outcome!;
    }

    /// <summary>A private copy of the simulated program with active churn and lifetime-value models.</summary>
    public static async Task<SqliteTestDatabase> TrainedCopyAsync(SimulatedLoyaltyData data) =>
        await CopyAsync(await TemplateAsync(data));

    /// <summary>A private copy of the simulated program without any model.</summary>
    public static Task<SqliteTestDatabase> UntrainedCopyAsync(SimulatedLoyaltyData data) => CopyAsync(data.Database);

    public static ScoringRunner Runner(SqliteTestDatabase db, IFeatureBuilder? features = null) =>
        new(db.Factory, features ?? new SqlFeatureBuilder(db.Factory), new ModelVersionRegistry(db.Factory, TimeProvider.System), Options, TimeProvider.System);

    public static Trainer Trainer(SqliteTestDatabase db) =>
        new(db.Factory, new SqlFeatureBuilder(db.Factory), new ModelVersionRegistry(db.Factory, TimeProvider.System));

    private static async Task<SqliteTestDatabase> TemplateAsync(SimulatedLoyaltyData data)
    {
        await Gate.WaitAsync();
        try
        {
            if (_trained is null)
            {
                var copy = await CopyAsync(data.Database);
                _outcome = await Trainer(copy).TrainAsync(null, Options, "tests");
                _trained = copy;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _trained.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _trained;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<SqliteTestDatabase> CopyAsync(SqliteTestDatabase source)
    {
        var copy = await SqliteTestDatabase.CreateAsync(migrate: false);
        await using var from = new SqliteConnection(source.ConnectionString);
        await using var to = new SqliteConnection(copy.ConnectionString);
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
        return copy;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that acts at once on the reporting thread, so a test can act at an exact stage.</summary>
internal sealed class ImmediateProgress(Action<ScoringProgress> onReport) : IProgress<ScoringProgress>
{
    public List<ScoringProgress> Reports { get; } = [];

    public void Report(ScoringProgress value)
    {
        Reports.Add(value);
        onReport(value);
    }
}

using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Data.Tests.Infrastructure;

namespace LoyaltyStudio.Intelligence.Tests.Infrastructure;

/// <summary>
/// The demo-sized simulated loyalty program (5,000 customers, 24 months ending 2026-06-30, seed 7) in a migrated
/// SQLite file, generated once and shared by every test class in <see cref="SimulatedLoyaltyDataGroup"/>.
/// Tests read it and must not write to it.
/// </summary>
public sealed class SimulatedLoyaltyData : IAsyncLifetime
{
    public static readonly GenerationRequest Request = new(5000, 7, new DateOnly(2024, 7, 1), new DateOnly(2026, 6, 30));

    private SqliteTestDatabase? _database;

    public SqliteTestDatabase Database => _database ?? throw new InvalidOperationException("The simulated data is not generated yet.");

    /// <summary>The first moment after the simulated history: the natural "today" of this data.</summary>
    public DateTime End { get; } = Request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await new LoyaltySimulator(_database.Factory).GenerateAsync(Request, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

/// <summary>Test classes that share one <see cref="SimulatedLoyaltyData"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedLoyaltyDataGroup : ICollectionFixture<SimulatedLoyaltyData>
{
    public const string Name = "Simulated loyalty data";
}

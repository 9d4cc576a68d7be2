using LoyaltyStudio.Data.Simulation;

namespace LoyaltyStudio.Data.Tests.Simulation;

/// <summary>
/// A few thousand simulated customers over 18 months in a SQLite file, generated once per test class.
/// Campaign audiences and holdouts are larger than the defaults so that campaign effects are measurable at this size.
/// </summary>
public sealed class SimulatedPopulation : IAsyncLifetime
{
    public static readonly GenerationRequest Request = new(4000, 11, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30))
    {
        Parameters = new SimulationParameters { CampaignAudienceShare = 0.8, HoldoutShare = 0.5m },
    };

    private TempSqliteDatabase? _db;

    internal TempSqliteDatabase Db => _db ?? throw new InvalidOperationException("The population is not generated yet.");

    public DateTime End { get; } = Request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _db = await TempSqliteDatabase.CreateAsync();
        await _db.Generator().GenerateAsync(Request, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
    }
}

/// <summary>
/// Customers whose purchases follow BG/NBD exactly: no campaigns and no effect of bad support contacts
/// (<see cref="SimulationParameters.BadContactDropoutMultiplier"/> = 1).
/// </summary>
public sealed class ExactBgNbdPopulation : IAsyncLifetime
{
    public static readonly SimulationParameters Parameters = new() { Campaigns = 0, BadContactDropoutMultiplier = 1 };

    public static readonly GenerationRequest Request = new(4000, 5, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30))
    {
        Parameters = Parameters,
    };

    private TempSqliteDatabase? _db;

    internal TempSqliteDatabase Db => _db ?? throw new InvalidOperationException("The population is not generated yet.");

    public DateTime End { get; } = Request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _db = await TempSqliteDatabase.CreateAsync();
        await _db.Generator().GenerateAsync(Request, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
    }
}

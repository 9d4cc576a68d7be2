namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Fills an empty database with a deterministic data set: customers, catalogue, orders with lines,
/// interaction events, support contacts and the points ledger. The demo generator of the walking
/// skeleton and the later behavioural simulator both sit behind this one interface, so the web app's
/// first start and <c>loyalty seed</c> never change when the generator does.
/// </summary>
public interface ILoyaltyDataGenerator
{
    /// <summary>Generates and writes the data set in one transaction: either all of it lands or none.</summary>
    /// <exception cref="InvalidOperationException">The database already holds customers.</exception>
    Task<GenerationSummary> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken);
}

/// <summary>What to generate. The same request (seed, size, dates) always gives the same data.</summary>
/// <param name="Customers">Number of customers (at least 1).</param>
/// <param name="Seed">Random seed.</param>
/// <param name="From">First day of history (UTC date).</param>
/// <param name="To">Last day of history, inclusive (UTC date); must be after <paramref name="From"/>.</param>
public sealed record GenerationRequest(int Customers, int Seed, DateOnly From, DateOnly To)
{
    /// <summary>The simulator's generative parameters; null for the defaults of <see cref="SimulationParameters"/>.</summary>
    public SimulationParameters? Parameters { get; init; }

    /// <summary>A request for <paramref name="months"/> months of history ending on <paramref name="today"/>.</summary>
    public static GenerationRequest EndingOn(DateOnly today, int customers, int seed, int months) =>
        new(customers, seed, today.AddMonths(-months).AddDays(1), today);
}

/// <summary>Progress of a generation: how many of the customers have been generated and written.</summary>
public sealed record GenerationProgress(int CustomersDone, int CustomersTotal, string Stage);

/// <summary>Rows written per table and the time it took.</summary>
public sealed record GenerationSummary(
    int Customers, int Products, int Orders, int OrderLines, int InteractionEvents,
    int SupportContacts, int PointsEntries, TimeSpan Elapsed)
{
    /// <summary>Past campaigns written (with their audiences).</summary>
    public int Campaigns { get; init; }

    /// <summary>Holdout assignments (treated and held-out customers of the past campaigns).</summary>
    public int HoldoutAssignments { get; init; }

    /// <summary>Offers sent to the treated customers of the past campaigns.</summary>
    public int Offers { get; init; }

    /// <summary>Ground-truth rows (one per simulated customer).</summary>
    public int GroundTruthRows { get; init; }
}

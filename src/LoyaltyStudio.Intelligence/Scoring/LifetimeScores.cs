using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>One customer's lifetime figures: P(alive), expected purchases and spend per order, and CLV over the horizon.</summary>
public readonly record struct LifetimeScore(double ProbabilityAlive, double ExpectedPurchases, decimal ExpectedSpendPerOrder, decimal LifetimeValue);

/// <summary>Applies a lifetime-value model version to the summaries of the customers of a feature table.</summary>
public static class LifetimeScores
{
    /// <summary>One score per row of <paramref name="table"/>; a customer without a summary (no order before the cut-off) is refused by name.</summary>
    public static LifetimeScore[] Compute(FeatureTable table, IReadOnlyDictionary<long, CustomerSummary> summaries,
        LifetimeValueArtifact model, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(horizon);
        horizon.Validate();
        var scores = new LifetimeScore[table.Count];
        var horizonPeriods = horizon.Steps * horizon.StepPeriods;
        Parallel.For(0, table.Count, i =>
        {
            var id = table.CustomerIds[i];
            if (!summaries.TryGetValue(id, out var summary))
                throw new InvalidOperationException($"Customer {id} has features but no purchase summary at {table.Cutoff:yyyy-MM-dd}; the orders changed during the run.");
            var alive = Math.Clamp(model.Purchases.ProbabilityAlive(summary), 0, 1);
            var purchases = model.Purchases.ConditionalExpectedPurchases(horizonPeriods, summary);
            var spend = model.Spend.ExpectedAverageSpend(summary);
            var value = CustomerLifetimeValue.Compute(model.Purchases, model.Spend, summary, horizon);
            if (!double.IsFinite(alive) || !double.IsFinite(purchases) || !double.IsFinite(spend) || !double.IsFinite(value))
                throw new InvalidOperationException(
                    $"The lifetime-value model gives customer {id} a value that is not a number (P(alive) {alive}, purchases {purchases}, spend {spend}, CLV {value}); retrain it with `loyalty train`.");
            scores[i] = new LifetimeScore(alive, Math.Max(0, purchases), Money(spend), Money(value));
        });
        return scores;
    }

    // Capped far above any real value so that the conversion to decimal cannot overflow.
    private static decimal Money(double value) => Math.Round((decimal)Math.Clamp(value, 0, 1e12), 2, MidpointRounding.AwayFromZero);
}

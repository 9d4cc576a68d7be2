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
        // The purchase side (P(alive) and the expected purchases of every step) depends on a customer only through
        // (x, t_x, T), which are whole periods, so it is computed once per distinct summary: at 100,000 customers there
        // are far fewer of those, and each costs a dozen hypergeometric series.
        var rows = new CustomerSummary[table.Count];
        var outlookOf = new int[table.Count];
        var distinct = new Dictionary<(double X, double Recency, double T), int>();
        var representatives = new List<CustomerSummary>();
        for (var i = 0; i < rows.Length; i++)
        {
            var id = table.CustomerIds[i];
            if (!summaries.TryGetValue(id, out var summary))
                throw new InvalidOperationException($"Customer {id} has features but no purchase summary at {table.Cutoff:yyyy-MM-dd}; the orders changed during the run.");
            rows[i] = summary;
            if (!distinct.TryGetValue((summary.Frequency, summary.Recency, summary.T), out var index))
            {
                index = representatives.Count;
                distinct.Add((summary.Frequency, summary.Recency, summary.T), index);
                representatives.Add(summary);
            }
            outlookOf[i] = index;
        }

        var alive = new double[representatives.Count];
        var cumulative = new double[representatives.Count][];
        Parallel.For(0, representatives.Count, o =>
        {
            alive[o] = Math.Clamp(model.Purchases.ProbabilityAlive(representatives[o]), 0, 1);
            cumulative[o] = CustomerLifetimeValue.CumulativePurchases(model.Purchases, representatives[o], horizon);
        });

        var scores = new LifetimeScore[table.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var o = outlookOf[i];
            // The purchases over the horizon are the last step's cumulative purchases (the same k · s periods).
            var purchases = cumulative[o][^1];
            var spend = model.Spend.ExpectedAverageSpend(rows[i]);
            var value = CustomerLifetimeValue.Discounted(cumulative[o], spend, horizon);
            if (!double.IsFinite(alive[o]) || !double.IsFinite(purchases) || !double.IsFinite(spend) || !double.IsFinite(value))
                throw new InvalidOperationException(
                    $"The lifetime-value model gives customer {table.CustomerIds[i]} a value that is not a number (P(alive) {alive[o]}, purchases {purchases}, spend {spend}, CLV {value}); retrain it with `loyalty train`.");
            scores[i] = new LifetimeScore(alive[o], Math.Max(0, purchases), Money(spend), Money(value));
        }
        return scores;
    }

    // Capped far above any real value so that the conversion to decimal cannot overflow.
    private static decimal Money(double value) => Math.Round((decimal)Math.Clamp(value, 0, 1e12), 2, MidpointRounding.AwayFromZero);
}

using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Lifetime;
using LoyaltyStudio.Intelligence.Scoring;

namespace LoyaltyStudio.Intelligence.Tests.Scoring;

public sealed class LifetimeScoresTests
{
    [Fact]
    public void Customers_sharing_a_purchase_summary_get_exactly_the_per_customer_formula()
    {
        var model = new LifetimeValueArtifact(7, new BgNbdParameters(0.24, 4.4, 0.79, 2.4), new GammaGammaParameters(6.2, 3.9, 15.4));
        var horizon = new ClvHorizon(12, 365.25 / 12 / 7, 0.01);
        // Customers 1–3 share (x, t_x, T) with different spends; 4 and 5 differ in recency or T; 6 never came back.
        CustomerSummary[] summaries =
        [
            new("1", 3, 20, 40, 25.5), new("2", 3, 20, 40, 80.0), new("3", 3, 20, 40, 12.25),
            new("4", 3, 21, 40, 25.5), new("5", 3, 20, 41, 25.5), new("6", 0, 0, 30, null),
        ];
        var ids = summaries.Select(s => long.Parse(s.Id, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new FeatureTable(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), ["f"], ids, new float[ids.Length]);

        var scores = LifetimeScores.Compute(table, summaries.ToDictionary(s => long.Parse(s.Id, System.Globalization.CultureInfo.InvariantCulture)), model, horizon);

        for (var i = 0; i < summaries.Length; i++)
        {
            var s = summaries[i];
            Assert.Equal(Math.Clamp(model.Purchases.ProbabilityAlive(s), 0, 1), scores[i].ProbabilityAlive);
            Assert.Equal(model.Purchases.ConditionalExpectedPurchases(horizon.Steps * horizon.StepPeriods, s), scores[i].ExpectedPurchases);
            Assert.Equal(Math.Round((decimal)CustomerLifetimeValue.Compute(model.Purchases, model.Spend, s, horizon), 2, MidpointRounding.AwayFromZero),
                scores[i].LifetimeValue);
        }
        Assert.NotEqual(scores[0].LifetimeValue, scores[1].LifetimeValue);
    }
}

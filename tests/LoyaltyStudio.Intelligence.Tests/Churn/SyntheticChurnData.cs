using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

/// <summary>
/// Feature tables with the real feature names (29 fixed + 6 category shares = 35 columns) whose churn labels are
/// drawn from a known logistic rule: overdue customers, falling app use and delivery complaints churn more. Recency
/// alone explains only part of it, so a model using all features should beat a recency-only ranking.
/// </summary>
internal static class SyntheticChurnData
{
    public static readonly string[] Categories = ["Coffee", "Tea", "Bakery", "Snacks", "Dairy", "Household"];

    public static IReadOnlyList<string> Names { get; } =
        [.. FeatureNames.Fixed, .. Categories.Select(c => FeatureNames.CategorySharePrefix + c)];

    public static (FeatureTable Features, ChurnLabels Labels) Window(int customers, int seed, DateTime cutoff, int horizonDays = 90, double churnShift = 0)
    {
        var random = new Random(seed);
        var width = Names.Count;
        var values = new float[customers * width];
        var ids = new long[customers];
        var churned = new bool[customers];
        var column = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        for (var row = 0; row < customers; row++)
        {
            ids[row] = row + 1;
            var v = values.AsSpan(row * width, width);
            for (var c = 0; c < width; c++)
                v[c] = (float)random.NextDouble();
            var gap = 5 + (random.NextDouble() * 55);
            var recency = -gap * Math.Log(1 - random.NextDouble()) * 1.2;
            var appTrend = (random.NextDouble() * 2) - 1;
            var complaints = random.NextDouble() < 0.15 ? random.Next(1, 4) : 0;
            var orders90 = Math.Max(0, Math.Round(90 / gap * (1 + (0.3 * appTrend))));
            v[column[FeatureNames.RecencyDays]] = (float)recency;
            v[column[FeatureNames.GapMeanDays]] = (float)gap;
            v[column[FeatureNames.RecencyOverGap]] = (float)Math.Min(50, recency / gap);
            v[column[FeatureNames.AppOpensTrend]] = (float)appTrend;
            v[column[FeatureNames.AppOpens28]] = random.Next(0, 30);
            v[column[FeatureNames.DeliveryComplaints365]] = complaints;
            v[column[FeatureNames.Orders90]] = (float)orders90;
            v[column[FeatureNames.TenureDays]] = random.Next(30, 2000);
            var logit = -1.6 + churnShift + (1.8 * Math.Log(1 + (recency / gap))) - (1.5 * appTrend) + (0.8 * complaints);
            churned[row] = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        }
        return (new FeatureTable(cutoff, Names, ids, values), new ChurnLabels(cutoff, horizonDays, ids, churned));
    }

    /// <summary>Both windows the trainer needs for <paramref name="latestDate"/>: at T−2H and at T−H.</summary>
    public static (FeatureTable, ChurnLabels, FeatureTable, ChurnLabels) Windows(int customers, DateTime latestDate, int horizonDays = 90)
    {
        var (earlierFeatures, earlierLabels) = Window(customers, 11, latestDate.AddDays(-2 * horizonDays), horizonDays);
        var (laterFeatures, laterLabels) = Window(customers, 12, latestDate.AddDays(-horizonDays), horizonDays);
        return (earlierFeatures, earlierLabels, laterFeatures, laterLabels);
    }
}

using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

/// <summary>A kind of customer with typical feature values; generated customers scatter around them.</summary>
internal sealed record Archetype(
    string Label, double RecencyDays, double Orders, double Spend, double TenureDays, double GapDays, double Trend,
    double App, double Online, double Store, double Discount, double Redemptions, double AppOpens, double Browsing,
    double Support, double Coffee, double Tea, double Bakery, double Gifts);

/// <summary>Feature tables of customers drawn from archetypes (seeded), with the true archetype of every row.</summary>
internal static class SyntheticCustomers
{
    public static readonly DateTime Cutoff = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly Archetype[] Kinds =
    [
        new("app coffee regulars", 5, 30, 600, 700, 12, 0.0, 0.85, 0.10, 0.05, 0.04, 3, 20, 10, 0.2, 0.75, 0.10, 0.10, 0.05),
        new("lapsing discount seekers", 200, 2, 60, 600, 90, -0.6, 0.05, 0.50, 0.45, 0.35, 0.3, 0.2, 1, 1.0, 0.20, 0.20, 0.50, 0.10),
        new("new store shoppers", 10, 2, 40, 20, 10, 0.5, 0.05, 0.05, 0.90, 0.05, 0.1, 1, 2, 0.1, 0.25, 0.20, 0.50, 0.05),
        new("online gift spenders", 40, 6, 900, 500, 60, 0.0, 0.05, 0.90, 0.05, 0.08, 0.5, 0.5, 25, 0.5, 0.10, 0.10, 0.05, 0.75),
        new("tea browsers", 60, 3, 90, 900, 80, -0.1, 0.40, 0.50, 0.10, 0.10, 0.5, 6, 40, 0.3, 0.05, 0.80, 0.10, 0.05),
    ];

    private static readonly string[] Names =
    [
        .. FeatureNames.Fixed,
        FeatureNames.CategorySharePrefix + "Coffee", FeatureNames.CategorySharePrefix + "Tea",
        FeatureNames.CategorySharePrefix + "Bakery", FeatureNames.CategorySharePrefix + "Gifts",
    ];

    /// <summary>
    /// <paramref name="perKind"/> customers of each archetype, rows shuffled by <paramref name="seed"/>; customer ids
    /// 1..n in row order. <paramref name="noise"/> scales the spread around each archetype.
    /// </summary>
    public static (FeatureTable Table, int[] Kind) Generate(int perKind, int seed, double noise = 1.0, Archetype[]? kinds = null)
    {
        kinds ??= Kinds;
        var random = new Random(seed);
        var n = perKind * kinds.Length;
        var kindOfRow = Enumerable.Range(0, n).Select(i => i % kinds.Length).OrderBy(_ => random.Next()).ToArray();
        var values = new float[n * Names.Length];
        for (var i = 0; i < n; i++)
            Fill(values.AsSpan(i * Names.Length, Names.Length), kinds[kindOfRow[i]], random, noise);
        var ids = Enumerable.Range(1, n).Select(i => (long)i).ToArray();
        return (new FeatureTable(Cutoff, Names, ids, values), kindOfRow);
    }

    private static void Fill(Span<float> row, Archetype a, Random random, double noise)
    {
        double Count(double typical) => Math.Max(0, (Math.Exp(Math.Log(1 + typical) + (0.12 * noise * Gaussian(random))) - 1));
        double Share(double typical) => Math.Max(0.001, typical + (0.04 * noise * Gaussian(random)));

        var set = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [FeatureNames.RecencyDays] = Count(a.RecencyDays),
            [FeatureNames.Orders365] = Math.Round(Count(a.Orders)),
            [FeatureNames.Spend365] = Count(a.Spend),
            [FeatureNames.TenureDays] = Count(a.TenureDays),
            [FeatureNames.GapMeanDays] = Count(a.GapDays),
            [FeatureNames.OrdersTrend] = Math.Clamp(a.Trend + (0.05 * noise * Gaussian(random)), -0.99, 0.99),
            [FeatureNames.DiscountShare] = Math.Clamp(Share(a.Discount), 0, 1),
            [FeatureNames.Redemptions365] = Count(a.Redemptions),
            [FeatureNames.AppOpens28] = Count(a.AppOpens),
            [FeatureNames.Browsing28] = Count(a.Browsing),
            [FeatureNames.SupportContacts365] = Count(a.Support),
        };
        var channels = new[] { Share(a.Online), Share(a.App), Share(a.Store) };
        var channelTotal = channels.Sum();
        set[FeatureNames.ChannelShareOnline] = channels[0] / channelTotal;
        set[FeatureNames.ChannelShareApp] = channels[1] / channelTotal;
        set[FeatureNames.ChannelShareStore] = channels[2] / channelTotal;
        var categories = new[] { Share(a.Coffee), Share(a.Tea), Share(a.Bakery), Share(a.Gifts) };
        var categoryTotal = categories.Sum();
        string[] categoryNames = ["Coffee", "Tea", "Bakery", "Gifts"];
        for (var c = 0; c < 4; c++)
            set[FeatureNames.CategorySharePrefix + categoryNames[c]] = categories[c] / categoryTotal;
        set[FeatureNames.Orders30] = set[FeatureNames.Orders365] / 12;
        set[FeatureNames.Orders90] = set[FeatureNames.Orders365] / 4;
        set[FeatureNames.Spend30] = set[FeatureNames.Spend365] / 12;
        set[FeatureNames.Spend90] = set[FeatureNames.Spend365] / 4;

        for (var j = 0; j < Names.Length; j++)
            row[j] = set.TryGetValue(Names[j], out var v) ? (float)v : 0f;
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}

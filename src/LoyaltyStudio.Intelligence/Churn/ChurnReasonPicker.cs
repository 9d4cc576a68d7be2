using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Picks a customer's reasons from the features that raised the score: one sentence per behaviour (purchase recency,
/// orders, spend, app, browsing, support, offers, points, channels, categories), so that "no app opens in the last
/// 4 weeks" is not said again as the app-open trend, and the next behaviour takes the free place.
/// </summary>
public static class ChurnReasonPicker
{
    private const string Recency = "recency";

    private static readonly Dictionary<string, string> Behaviours = new(StringComparer.Ordinal)
    {
        [FeatureNames.RecencyDays] = Recency,
        [FeatureNames.RecencyOverGap] = Recency,
        [FeatureNames.GapMeanDays] = Recency,
        [FeatureNames.Orders30] = "orders",
        [FeatureNames.Orders90] = "orders",
        [FeatureNames.Orders365] = "orders",
        [FeatureNames.OrdersTrend] = "orders",
        [FeatureNames.Spend30] = "spend",
        [FeatureNames.Spend90] = "spend",
        [FeatureNames.Spend365] = "spend",
        [FeatureNames.SpendTrend] = "spend",
        [FeatureNames.AppOpens28] = "app",
        [FeatureNames.AppOpensTrend] = "app",
        [FeatureNames.Browsing28] = "browsing",
        [FeatureNames.BrowsingTrend] = "browsing",
        [FeatureNames.SupportContacts365] = "support",
        [FeatureNames.SupportBadOutcomes365] = "support",
        [FeatureNames.DeliveryComplaints365] = "support",
        [FeatureNames.OffersReceived365] = "offers",
        [FeatureNames.OfferResponseRate] = "offers",
        [FeatureNames.Redemptions365] = "points",
        [FeatureNames.PointsBalance] = "points",
        [FeatureNames.ChannelShareOnline] = "channels",
        [FeatureNames.ChannelShareApp] = "channels",
        [FeatureNames.ChannelShareStore] = "channels",
        [FeatureNames.CategoryShift] = "categories",
    };

    // An order or spend window with no order in it says no more than "no purchase for N days" (N is at least the window).
    private static readonly Dictionary<string, string> OrdersInWindow = new(StringComparer.Ordinal)
    {
        [FeatureNames.Orders30] = FeatureNames.Orders30,
        [FeatureNames.Orders90] = FeatureNames.Orders90,
        [FeatureNames.Orders365] = FeatureNames.Orders365,
        [FeatureNames.OrdersTrend] = FeatureNames.Orders90,
        [FeatureNames.Spend30] = FeatureNames.Orders30,
        [FeatureNames.Spend90] = FeatureNames.Orders90,
        [FeatureNames.Spend365] = FeatureNames.Orders365,
        [FeatureNames.SpendTrend] = FeatureNames.Orders90,
    };

    private static readonly HashSet<string> OrderCounts =
        new([FeatureNames.Orders30, FeatureNames.Orders90, FeatureNames.Orders365, FeatureNames.OrdersTrend], StringComparer.Ordinal);

    /// <summary>
    /// The behaviour <paramref name="feature"/> tells about for the customer in <paramref name="row"/>; two features
    /// with the same behaviour would say the same thing twice. A feature not grouped is a behaviour of its own.
    /// </summary>
    public static string Behaviour(FeatureTable table, int row, string feature)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(feature);
        if (OrdersInWindow.TryGetValue(feature, out var orders) && table.Has(orders) && table[row, orders] < 0.5f)
            return Recency;
        // A customer who bought once: any order count is that one order, and recency tells when it was.
        if (OrderCounts.Contains(feature) && BoughtOnce(table, row))
            return Recency;
        // With one order there is no spread of gaps: the sentence says "has bought only once", as recency does.
        if (feature == FeatureNames.GapStdDays && BoughtOnce(table, row))
            return Recency;
        if (Behaviours.TryGetValue(feature, out var behaviour))
            return behaviour;
        return feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal) ? "categories" : feature;
    }

    // Only customers with a purchase are scored; no usual gap and no capped ratio means exactly one order.
    private static bool BoughtOnce(FeatureTable table, int row) =>
        table.Has(FeatureNames.GapMeanDays) && table[row, FeatureNames.GapMeanDays] <= 0
        && (!table.Has(FeatureNames.RecencyOverGap) || table[row, FeatureNames.RecencyOverGap] <= 0);

    /// <summary>
    /// Up to <paramref name="count"/> reasons from the positive <paramref name="contributions"/> (one per column of
    /// <paramref name="table"/>), strongest first. The strongest feature of a behaviour gives its sentence; weaker
    /// features of the same behaviour (or with the same sentence) add their contribution to it instead of a sentence.
    /// </summary>
    public static ChurnReason[] Pick(FeatureTable table, int row, ReadOnlySpan<float> contributions, int count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(culture);
        if (contributions.Length != table.Width)
            throw new ArgumentException($"Expected {table.Width} contributions (one per feature), got {contributions.Length}.", nameof(contributions));
        var chosen = new List<(string Behaviour, ChurnReason Reason)>(count);
        if (count <= 0)
            return [];
        foreach (var c in TopPositive(contributions))
        {
            var feature = table.Names[c];
            var behaviour = Behaviour(table, row, feature);
            var same = chosen.FindIndex(r => r.Behaviour == behaviour);
            if (same < 0 && chosen.Count == count)
                break;
            string? sentence = null;
            if (same < 0)
            {
                // Whichever feature leads it, recency is told in its fullest sentence: days since the last purchase
                // against the usual gap (or "has bought only once"), which says all an empty order window would.
                var told = behaviour == Recency && table.Has(FeatureNames.RecencyDays) ? FeatureNames.RecencyDays : feature;
                sentence = ChurnReasonSentences.Describe(table, row, told, culture);
                same = chosen.FindIndex(r => r.Reason.Sentence == sentence);
            }
            if (same >= 0)
            {
                var (kept, reason) = chosen[same];
                chosen[same] = (kept, reason with { Contribution = reason.Contribution + contributions[c] });
                continue;
            }
            chosen.Add((behaviour, new ChurnReason(feature, contributions[c], sentence!)));
        }
        return [.. chosen.Select(r => r.Reason).OrderByDescending(r => r.Contribution)];
    }

    private static int[] TopPositive(ReadOnlySpan<float> contributions)
    {
        var positive = new List<int>();
        for (var c = 0; c < contributions.Length; c++)
        {
            if (contributions[c] > 0)
                positive.Add(c);
        }
        var values = contributions.ToArray();
        return [.. positive.OrderByDescending(c => values[c]).ThenBy(c => c)];
    }
}

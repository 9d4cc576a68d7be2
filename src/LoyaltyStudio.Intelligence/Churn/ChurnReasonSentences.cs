using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Turns a feature that raised a customer's churn score into a plain sentence built from that customer's own values
/// ("No purchase for 64 days; usually buys every 12"). One template per feature; category shares share one.
/// </summary>
public static class ChurnReasonSentences
{
    private static readonly CultureInfo Format = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, Func<Values, string>> Templates = new(StringComparer.Ordinal)
    {
        [FeatureNames.RecencyDays] = Overdue,
        [FeatureNames.RecencyOverGap] = Overdue,
        [FeatureNames.Orders30] = v => Orders(v.Get(FeatureNames.Orders30), "30 days"),
        [FeatureNames.Orders90] = v => Orders(v.Get(FeatureNames.Orders90), "90 days"),
        [FeatureNames.Orders365] = v => Orders(v.Get(FeatureNames.Orders365), "year"),
        [FeatureNames.Spend30] = v => Spend(v.Get(FeatureNames.Spend30), "30 days"),
        [FeatureNames.Spend90] = v => Spend(v.Get(FeatureNames.Spend90), "90 days"),
        [FeatureNames.Spend365] = v => Spend(v.Get(FeatureNames.Spend365), "year"),
        [FeatureNames.TenureDays] = v => $"Member for only {Duration(v.Get(FeatureNames.TenureDays))}",
        [FeatureNames.GapMeanDays] = v => v.Get(FeatureNames.GapMeanDays) switch
        {
            <= 0 => "Has bought only once",
            < 1 => "Bought again within a day, not since",
            var gap => $"Usually buys every {Whole(gap)} days",
        },
        [FeatureNames.GapStdDays] = v => $"Buys irregularly: gaps between purchases vary by about {Whole(v.Get(FeatureNames.GapStdDays))} days",
        [FeatureNames.OrdersTrend] = v => Change("Orders", v.Get(FeatureNames.Orders90), v.Get(FeatureNames.OrdersTrend), "on the previous quarter"),
        [FeatureNames.SpendTrend] = v => Change("Spend", v.Get(FeatureNames.Spend90), v.Get(FeatureNames.SpendTrend), "on the previous quarter"),
        [FeatureNames.CategoryShift] = v => $"Buying from other categories than before (shift {v.Get(FeatureNames.CategoryShift).ToString("0.00", Format)} of 1)",
        [FeatureNames.ChannelShareOnline] = v => $"{Percent(v.Get(FeatureNames.ChannelShareOnline))} of purchases online",
        [FeatureNames.ChannelShareApp] = v => $"{Percent(v.Get(FeatureNames.ChannelShareApp))} of purchases in the app",
        [FeatureNames.ChannelShareStore] = v => $"{Percent(v.Get(FeatureNames.ChannelShareStore))} of purchases in store",
        [FeatureNames.DiscountShare] = v => $"{Percent(v.Get(FeatureNames.DiscountShare))} of the last year's spend was discount",
        [FeatureNames.Redemptions365] = v => Count(v.Get(FeatureNames.Redemptions365), "points redemption", "points redemptions", "in the last year"),
        [FeatureNames.PointsBalance] = v => $"{Whole(v.Get(FeatureNames.PointsBalance))} points left unused",
        [FeatureNames.AppOpens28] = v => Count(v.Get(FeatureNames.AppOpens28), "app open", "app opens", "in the last 4 weeks"),
        [FeatureNames.AppOpensTrend] = v => Change("App opens", v.Get(FeatureNames.AppOpens28), v.Get(FeatureNames.AppOpensTrend), "in the last 4 weeks"),
        [FeatureNames.Browsing28] = v => Count(v.Get(FeatureNames.Browsing28), "product view or cart visit", "product views and cart visits", "in the last 4 weeks"),
        [FeatureNames.BrowsingTrend] = v => Change("Browsing", v.Get(FeatureNames.Browsing28), v.Get(FeatureNames.BrowsingTrend), "in the last 4 weeks"),
        [FeatureNames.SupportContacts365] = v => Count(v.Get(FeatureNames.SupportContacts365), "support contact", "support contacts", "in the last year"),
        [FeatureNames.SupportBadOutcomes365] = v => Count(v.Get(FeatureNames.SupportBadOutcomes365), "support contact that ended badly", "support contacts that ended badly", "in the last year"),
        [FeatureNames.DeliveryComplaints365] = v => Count(v.Get(FeatureNames.DeliveryComplaints365), "delivery complaint", "delivery complaints", "in the last year"),
        [FeatureNames.OffersReceived365] = v => Count(v.Get(FeatureNames.OffersReceived365), "offer received", "offers received", "in the last year"),
        [FeatureNames.OfferResponseRate] = v => v.Get(FeatureNames.OffersReceived365) > 0
            ? $"Redeemed {Percent(v.Get(FeatureNames.OfferResponseRate))} of the offers received"
            : "Has not been sent an offer in the last year",
    };

    /// <summary>The features that have a template of their own (category shares use a common one).</summary>
    public static IReadOnlyCollection<string> Known => Templates.Keys;

    /// <summary>The sentence for <paramref name="feature"/> of the customer in <paramref name="row"/> of the table.</summary>
    public static string Describe(FeatureTable table, int row, string feature)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(feature);
        var values = new Values(table, row);
        if (Templates.TryGetValue(feature, out var template))
            return template(values);
        if (feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
            return $"{Percent(values.Get(feature))} of the last year's spend on {feature[FeatureNames.CategorySharePrefix.Length..]}";
        return $"{feature.Replace('_', ' ')} is {values.Get(feature).ToString("0.##", Format)}";
    }

    private static string Overdue(Values v)
    {
        var recency = Whole(v.Get(FeatureNames.RecencyDays));
        var gap = v.Has(FeatureNames.GapMeanDays) ? v.Get(FeatureNames.GapMeanDays) : 0;
        // A mean gap under a day means same-day repeat orders only: "every 0" would say nothing true.
        return gap switch
        {
            <= 0 => $"No purchase for {recency} days",
            < 1 => $"No purchase for {recency} days; earlier orders came within a day of each other",
            _ => $"No purchase for {recency} days; usually buys every {Whole(gap)}",
        };
    }

    private static string Orders(float orders, string period) => Count(orders, "order", "orders", $"in the last {period}");

    private static string Spend(float spend, string period) =>
        spend <= 0 ? $"No spend in the last {period}" : $"Spent only {spend.ToString("#,0", Format)} in the last {period}";

    private static string Count(float value, string one, string many, string period)
    {
        var n = (long)Math.Round(value);
        return n == 0 ? $"No {many} {period}" : $"{n} {(n == 1 ? one : many)} {period}";
    }

    /// <summary>
    /// A trend t = (recent − earlier) / (recent + earlier + 1) with the recent amount known gives back the earlier
    /// amount, earlier = (recent − t·(recent + 1)) / (1 + t), and so the change in percent.
    /// </summary>
    private static string Change(string what, float recent, float trend, string period)
    {
        var earlier = (recent - (trend * (recent + 1))) / (1 + trend);
        if (earlier <= 0.5f)
            return recent <= 0 ? $"{what}: none {period}" : $"{what} up from nothing {period}";
        var change = (recent - earlier) / earlier;
        var percent = Math.Round(Math.Abs(change) * 100);
        if (percent == 0)
            return $"{what} unchanged {period}";
        return $"{what} {(change < 0 ? "down" : "up")} {percent.ToString("0", Format)} % {period}";
    }

    private static string Percent(float share) => $"{Math.Round(share * 100).ToString("0", Format)} %";

    private static string Whole(float value) => Math.Round(value).ToString("0", Format);

    private static string Duration(float days) =>
        days < 60 ? $"{Whole(days)} days" : $"{Math.Round(days / 30.44).ToString("0", Format)} months";

    private readonly struct Values(FeatureTable table, int row)
    {
        public float Get(string name) => table[row, name];

        public bool Has(string name) => table.Has(name);
    }
}

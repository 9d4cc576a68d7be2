using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Turns a feature that raised a customer's churn score into a plain sentence built from that customer's own values
/// ("No purchase for 64 days; usually buys every 12 days"). One template per feature; category shares share one.
/// Every amount carries its unit; money and percentages are written in a display culture, as the web shows them.
/// </summary>
public static class ChurnReasonSentences
{
    /// <summary>The culture sentences are written in unless one is given: the web's default display culture.</summary>
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("en-US");

    private static readonly Window Weeks4 = new("4 weeks", "8 weeks");
    private static readonly Window Days90 = new("90 days", "180 days");
    private const string BrowsingOne = "product view or cart visit";
    private const string BrowsingMany = "product views and cart visits";

    private static readonly Dictionary<string, Func<Values, string>> Templates = new(StringComparer.Ordinal)
    {
        [FeatureNames.RecencyDays] = Overdue,
        [FeatureNames.RecencyOverGap] = Overdue,
        [FeatureNames.Orders30] = v => Orders(v, FeatureNames.Orders30, "30 days"),
        [FeatureNames.Orders90] = v => Orders(v, FeatureNames.Orders90, "90 days"),
        [FeatureNames.Orders365] = v => Orders(v, FeatureNames.Orders365, "year"),
        [FeatureNames.Spend30] = v => Spend(v, FeatureNames.Spend30, FeatureNames.Orders30, "30 days"),
        [FeatureNames.Spend90] = v => Spend(v, FeatureNames.Spend90, FeatureNames.Orders90, "90 days"),
        [FeatureNames.Spend365] = v => Spend(v, FeatureNames.Spend365, FeatureNames.Orders365, "year"),
        [FeatureNames.TenureDays] = v => Tenure(v, v.Get(FeatureNames.TenureDays)),
        // The usual gap is told beside the time since the last purchase: alone it would not say whether the customer is late.
        [FeatureNames.GapMeanDays] = Overdue,
        [FeatureNames.GapStdDays] = GapSpread,
        [FeatureNames.OrdersTrend] = OrdersTrend,
        [FeatureNames.SpendTrend] = SpendTrend,
        [FeatureNames.CategoryShift] = CategoryShift,
        [FeatureNames.ChannelShareOnline] = v => Channel(v, FeatureNames.ChannelShareOnline, "online"),
        [FeatureNames.ChannelShareApp] = v => Channel(v, FeatureNames.ChannelShareApp, "in the app"),
        [FeatureNames.ChannelShareStore] = v => Channel(v, FeatureNames.ChannelShareStore, "in store"),
        [FeatureNames.DiscountShare] = v => v.Get(FeatureNames.DiscountShare) switch
        {
            <= 0 => "No discounts used in the last year",
            < 0.005f => "Discounts made up less than 1% of the last year's order value",
            var share => $"Discounts made up {v.Percent(share)} of the last year's order value",
        },
        [FeatureNames.Redemptions365] = v => Round(v.Get(FeatureNames.Redemptions365)) switch
        {
            0 => "Has not redeemed points in the last year",
            1 => "Redeemed points once in the last year",
            var n => $"Redeemed points {v.Number(n)} times in the last year",
        },
        [FeatureNames.PointsBalance] = v => Round(v.Get(FeatureNames.PointsBalance)) switch
        {
            <= 0 => "No points in the balance",
            1 => "1 point in the balance",
            var n => $"{v.Number(n)} points in the balance",
        },
        [FeatureNames.AppOpens28] = v => Count(v, v.Get(FeatureNames.AppOpens28), "app open", "app opens", "in the last 4 weeks"),
        [FeatureNames.AppOpensTrend] = v => CountTrend(v, FeatureNames.AppOpens28, FeatureNames.AppOpensTrend, "app open", "app opens", Weeks4),
        [FeatureNames.Browsing28] = v => Count(v, v.Get(FeatureNames.Browsing28), BrowsingOne, BrowsingMany, "in the last 4 weeks"),
        [FeatureNames.BrowsingTrend] = v => CountTrend(v, FeatureNames.Browsing28, FeatureNames.BrowsingTrend, BrowsingOne, BrowsingMany, Weeks4),
        [FeatureNames.SupportContacts365] = v => Count(v, v.Get(FeatureNames.SupportContacts365), "support contact", "support contacts", "in the last year"),
        [FeatureNames.SupportBadOutcomes365] = v => Round(v.Get(FeatureNames.SupportBadOutcomes365)) switch
        {
            0 => "No support contact ended badly in the last year",
            1 => "1 support contact in the last year ended badly",
            var n => $"{v.Number(n)} support contacts in the last year ended badly",
        },
        [FeatureNames.DeliveryComplaints365] = v => Count(v, v.Get(FeatureNames.DeliveryComplaints365), "delivery complaint", "delivery complaints", "in the last year"),
        [FeatureNames.OffersReceived365] = v => Count(v, v.Get(FeatureNames.OffersReceived365), "offer received", "offers received", "in the last year"),
        [FeatureNames.OfferResponseRate] = OfferResponse,
    };

    /// <summary>The features that have a template of their own (category shares use a common one).</summary>
    public static IReadOnlyCollection<string> Known => Templates.Keys;

    /// <summary>The sentence for <paramref name="feature"/> of the customer in <paramref name="row"/>, money and percentages in <see cref="DefaultCulture"/>.</summary>
    public static string Describe(FeatureTable table, int row, string feature) => Describe(table, row, feature, DefaultCulture);

    /// <summary>The sentence for <paramref name="feature"/> of the customer in <paramref name="row"/>, numbers, money and percentages in <paramref name="culture"/>.</summary>
    public static string Describe(FeatureTable table, int row, string feature, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(culture);
        var values = new Values(table, row, culture);
        if (Templates.TryGetValue(feature, out var template))
            return template(values);
        if (feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
            return CategoryShare(values, feature);
        return $"{feature.Replace('_', ' ')} is {values.Get(feature).ToString("0.##", culture)}";
    }

    private static string Overdue(Values v)
    {
        var recency = v.Get(FeatureNames.RecencyDays);
        var gap = v.Has(FeatureNames.GapMeanDays) ? v.Get(FeatureNames.GapMeanDays) : 0;
        var since = Round(recency) < 1 ? "Last purchase less than a day ago"
            : gap >= 1 && recency < gap ? $"Last purchase {v.Days(recency)} ago"
            : $"No purchase for {v.Days(recency)}";
        // A mean gap under a day means same-day repeat orders only: "every 0 days" would say nothing true.
        return gap switch
        {
            // Only customers with orders are scored: no gap means one order, or several at one moment (ratio capped).
            <= 0 => v.Has(FeatureNames.RecencyOverGap) && v.Get(FeatureNames.RecencyOverGap) > 0
                ? $"{since}; earlier orders all came at once"
                : $"{since}; has bought only once",
            < 1 => $"{since}; earlier orders came within a day of each other",
            _ => $"{since}; usually buys every {Every(v, gap)}",
        };
    }

    private static string Orders(Values v, string orders, string period) =>
        Count(v, v.Get(orders), "order", "orders", $"in the last {period}");

    private static string Spend(Values v, string spend, string orders, string period)
    {
        var amount = v.Get(spend);
        if (amount > 0)
            return $"Spent only {v.Money(amount)} in the last {period}";
        return Round(v.Get(orders)) > 0 ? $"Spent nothing in the last {period} once returns are counted" : $"No spend in the last {period}";
    }

    private static string Count(Values v, float value, string one, string many, string period)
    {
        var n = Round(value);
        return n == 0 ? $"No {NoneOf(many)} {period}" : $"{v.Number(n)} {(n == 1 ? one : many)} {period}";
    }

    private static string Tenure(Values v, float days) => Round(days) switch
    {
        < 1 => "Joined less than a day ago",
        < 60 => $"Member for only {v.Days(days)}",
        < 365 => $"Member for only {v.Number(Round(days / 30.44))} months",
        < 730 => $"Member for {v.Number(Round(days / 30.44))} months",
        _ => $"Member for about {v.Number(Round(days / 365.25))} years",
    };

    private static string GapSpread(Values v)
    {
        if (v.Get(FeatureNames.GapMeanDays) <= 0)
            return "Has bought only once";
        var spread = v.Get(FeatureNames.GapStdDays);
        return Round(spread) < 1
            ? "Has bought at one steady interval so far"
            : $"Time between purchases varies by about {v.Days(spread)}";
    }

    private static string OrdersTrend(Values v)
    {
        var (recent, earlier) = Amounts(v.Get(FeatureNames.Orders90), v.Get(FeatureNames.OrdersTrend));
        return CountChange(v, Round(recent), Round(earlier), "order", "orders", Days90);
    }

    private static string SpendTrend(Values v)
    {
        var (recent, earlier) = Amounts(v.Get(FeatureNames.Spend90), v.Get(FeatureNames.SpendTrend));
        var (now, before) = (Math.Round(recent), Math.Round(earlier));
        if (now <= 0 && before <= 0)
            return $"No spend in the last {Days90.Both}";
        if (now <= 0)
            return $"No spend in the last {Days90.Recent}, after {v.Money(before)} the {Days90.Recent} before";
        if (before <= 0)
            return $"Spent {v.Money(now)} in the last {Days90.Recent}, nothing the {Days90.Recent} before";
        return $"Spent {v.Money(now)} in the last {Days90.Recent}, {Compared(v, now, before)} {v.Money(before)} the {Days90.Recent} before";
    }

    private static string CountTrend(Values v, string count, string trend, string one, string many, Window window)
    {
        var (recent, earlier) = Amounts(v.Get(count), v.Get(trend));
        return CountChange(v, Round(recent), Round(earlier), one, many, window);
    }

    private static string CountChange(Values v, long now, long before, string one, string many, Window window)
    {
        if (now == 0 && before == 0)
            return $"No {NoneOf(many)} in the last {window.Both}";
        if (now == 0)
            return $"No {NoneOf(many)} in the last {window.Recent}, after {v.Number(before)} the {window.Recent} before";
        var recent = $"{v.Number(now)} {(now == 1 ? one : many)} in the last {window.Recent}";
        if (before == 0)
            return $"{recent}, none the {window.Recent} before";
        if (now == before)
            return $"{recent}, the same as the {window.Recent} before";
        return $"{recent}, {Compared(v, now, before)} {v.Number(before)} the {window.Recent} before";
    }

    /// <summary>"No product views or cart visits": after "no", "and" becomes "or".</summary>
    private static string NoneOf(string many) => many.Replace(" and ", " or ", StringComparison.Ordinal);

    /// <summary>"down 70% from", "up 50% from" or "as many as" (for rounding to 0 %).</summary>
    private static string Compared(Values v, double now, double before)
    {
        var change = (now - before) / before;
        var percent = Math.Round(Math.Abs(change), 2);
        if (percent == 0)
            return "about the same as";
        return $"{(change < 0 ? "down" : "up")} {v.Percent(percent)} from";
    }

    /// <summary>
    /// A trend t = (recent − earlier) / (recent + earlier + 1) with the recent amount known gives back the earlier
    /// amount, earlier = (recent − t·(recent + 1)) / (1 + t). The trend counts negative amounts as 0.
    /// </summary>
    private static (double Recent, double Earlier) Amounts(float recentValue, float trend)
    {
        var recent = Math.Max(0, (double)recentValue);
        var earlier = (recent - (trend * (recent + 1))) / (1 + trend);
        return (recent, Math.Max(0, earlier));
    }

    private static string CategoryShift(Values v)
    {
        var shift = v.Get(FeatureNames.CategoryShift);
        if (shift <= 0 && v.Get(FeatureNames.Spend90) <= 0)
            return $"No spend in the last {Days90.Recent}";
        return shift switch
        {
            < 0.1f => "Buying the same categories as before",
            < 0.3f => "Buying slightly different categories than before",
            < 0.6f => "Buying different categories than before",
            _ => "Buying very different categories than before",
        };
    }

    private static string Channel(Values v, string feature, string where)
    {
        var share = v.Get(feature);
        return Math.Round(share, 2) switch
        {
            <= 0 => $"Never buys {where}",
            >= 1 => $"Buys only {where}",
            _ => $"{v.Percent(share)} of purchases {where}",
        };
    }

    private static string CategoryShare(Values v, string feature)
    {
        var category = feature[FeatureNames.CategorySharePrefix.Length..];
        var share = v.Get(feature);
        return Math.Round(share, 2) switch
        {
            <= 0 => $"Nothing spent on {category} in the last year",
            >= 1 => $"All of the last year's spend on {category}",
            _ => $"{v.Percent(share)} of the last year's spend on {category}",
        };
    }

    private static string OfferResponse(Values v)
    {
        var received = Round(v.Get(FeatureNames.OffersReceived365));
        if (received <= 0)
            return "Has not been sent an offer in the last year";
        var redeemed = Round(v.Get(FeatureNames.OfferResponseRate) * received);
        if (received == 1)
            return redeemed == 0 ? "Did not redeem the one offer received in the last year" : "Redeemed the one offer received in the last year";
        return redeemed == 0
            ? $"Redeemed none of the {v.Number(received)} offers received in the last year"
            : $"Redeemed {v.Number(redeemed)} of the {v.Number(received)} offers received in the last year";
    }

    /// <summary>"every day" rather than "every 1 days".</summary>
    private static string Every(Values v, float gap) => Round(gap) == 1 ? "day" : v.Days(gap);

    private static long Round(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>A window of the trend features: the recent one and both together.</summary>
    private sealed record Window(string Recent, string Both);

    private readonly struct Values(FeatureTable table, int row, CultureInfo culture)
    {
        public float Get(string name) => table[row, name];

        public bool Has(string name) => table.Has(name);

        public string Number(long value) => value.ToString("N0", culture);

        public string Days(double days)
        {
            var n = Round(days);
            return n == 1 ? "1 day" : $"{Number(n)} days";
        }

        public string Money(double amount) => amount.ToString("C0", culture);

        public string Percent(double share) => share.ToString("P0", culture);
    }
}

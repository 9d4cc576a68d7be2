using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>How a feature's segment mean and population mean read in a sentence ("app share 78 % vs 31 %").</summary>
public static class FeatureWording
{
    /// <summary>The culture money is written in when none is given: the web's default display culture.</summary>
    public static readonly CultureInfo DefaultMoneyCulture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The feature's contrast as a short phrase with both numbers; money in <paramref name="money"/> (<see cref="DefaultMoneyCulture"/> when null).</summary>
    public static string Phrase(FeatureContrast contrast, CultureInfo? money = null)
    {
        ArgumentNullException.ThrowIfNull(contrast);
        var s = contrast.SegmentMean;
        var p = contrast.PopulationMean;
        if (contrast.Feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
            return $"{CategoryWord(contrast.Feature)} {Percent(s)} of spend vs {Percent(p)}";
        return contrast.Feature switch
        {
            FeatureNames.ChannelShareApp => $"app share {Percent(s)} vs {Percent(p)}",
            FeatureNames.ChannelShareOnline => $"online share {Percent(s)} vs {Percent(p)}",
            FeatureNames.ChannelShareStore => $"store share {Percent(s)} vs {Percent(p)}",
            FeatureNames.DiscountShare => $"discounts {Percent(s)} of order value vs {Percent(p)}",
            FeatureNames.OfferResponseRate => $"offer response {Percent(s)} vs {Percent(p)}",
            FeatureNames.RecencyDays => $"last purchase {Number(s)} days ago vs {Number(p)}",
            FeatureNames.Orders365 => $"{Number(s)} orders a year vs {Number(p)}",
            FeatureNames.Spend365 => $"{Money(s, money)} spent a year vs {Money(p, money)}",
            FeatureNames.TenureDays => $"member for {Number(s)} days vs {Number(p)}",
            FeatureNames.GapMeanDays => $"buys every {Number(s)} days vs {Number(p)}",
            FeatureNames.OrdersTrend => $"order trend {Signed(s)} vs {Signed(p)}",
            FeatureNames.Redemptions365 => $"{Number(s)} point redemptions a year vs {Number(p)}",
            FeatureNames.AppOpens28 => $"{Number(s)} app opens in 4 weeks vs {Number(p)}",
            FeatureNames.Browsing28 => $"{Number(s)} product views and cart steps in 4 weeks vs {Number(p)}",
            FeatureNames.SupportContacts365 => $"{Number(s)} support contacts a year vs {Number(p)}",
            _ => $"{contrast.Feature.Replace('_', ' ')} {Number(s)} vs {Number(p)}",
        };
    }

    /// <summary>The category's name from a category-share feature, in lower case ("category_share:Personal care" → "personal care").</summary>
    public static string CategoryWord(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var name = feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal)
            ? feature[FeatureNames.CategorySharePrefix.Length..]
            : feature;
        return name.Replace('_', ' ').Trim().ToLower(CultureInfo.InvariantCulture);
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Money(double value, CultureInfo? culture) => value.ToString("C0", culture ?? DefaultMoneyCulture);

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 10 ? "#,0" : "0.#", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}

using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>How a feature is reshaped before it is standardised for clustering.</summary>
public enum FeatureTransform
{
    /// <summary>Taken as it is (shares and trends, already on a bounded scale).</summary>
    None = 0,

    /// <summary>log(1 + x): counts, money and days, whose long right tails would otherwise decide the clusters.</summary>
    Log1p = 1,
}

/// <summary>A feature the micro-segments are clustered on, and its transform.</summary>
public sealed record SegmentationFeature(string Name, FeatureTransform Transform)
{
    /// <summary>The transformed value; counts, money and days are never negative, so a negative input is taken as 0.</summary>
    public double Apply(double value) => Transform == FeatureTransform.Log1p ? Math.Log(1 + Math.Max(0, value)) : value;
}

/// <summary>
/// The behavioural features the micro-segments are built on: how recently, how often and how much a customer buys,
/// how long they have been a member and how regularly they buy, which way their ordering is heading, how they shop
/// (channel shares, app and web engagement), how they respond to price (discount share, point redemptions), support
/// contacts, and what they buy (every category share the table has). Shares and trends are taken as they are;
/// counts, money and days through log1p. Windows that repeat the same signal (30/90-day orders and spend, their
/// spreads) are left out so that no behaviour is counted twice.
/// </summary>
public static class SegmentationFeatures
{
    /// <summary>The fixed part of the selection, in order.</summary>
    public static readonly IReadOnlyList<SegmentationFeature> Fixed =
    [
        new(FeatureNames.RecencyDays, FeatureTransform.Log1p),
        new(FeatureNames.Orders365, FeatureTransform.Log1p),
        new(FeatureNames.Spend365, FeatureTransform.Log1p),
        new(FeatureNames.TenureDays, FeatureTransform.Log1p),
        new(FeatureNames.GapMeanDays, FeatureTransform.Log1p),
        new(FeatureNames.OrdersTrend, FeatureTransform.None),
        new(FeatureNames.ChannelShareOnline, FeatureTransform.None),
        new(FeatureNames.ChannelShareApp, FeatureTransform.None),
        new(FeatureNames.ChannelShareStore, FeatureTransform.None),
        new(FeatureNames.DiscountShare, FeatureTransform.None),
        new(FeatureNames.Redemptions365, FeatureTransform.Log1p),
        new(FeatureNames.AppOpens28, FeatureTransform.Log1p),
        new(FeatureNames.Browsing28, FeatureTransform.Log1p),
        new(FeatureNames.SupportContacts365, FeatureTransform.Log1p),
    ];

    /// <summary>The fixed features plus the table's category shares (in the table's order); names a missing fixed feature.</summary>
    public static IReadOnlyList<SegmentationFeature> For(FeatureTable features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var missing = Fixed.Where(f => !features.Has(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
            throw new KeyNotFoundException($"Micro-segmentation needs the feature(s) {string.Join(", ", missing)}, which the feature table does not have.");
        var selection = new List<SegmentationFeature>(Fixed);
        selection.AddRange(features.Names
            .Where(n => n.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
            .Select(n => new SegmentationFeature(n, FeatureTransform.None)));
        return selection;
    }
}

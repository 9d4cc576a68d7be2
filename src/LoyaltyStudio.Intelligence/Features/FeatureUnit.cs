namespace LoyaltyStudio.Intelligence.Features;

/// <summary>The unit of a feature's value, so that pages and reason sentences can format it.</summary>
public enum FeatureUnit
{
    Days,
    Count,
    Money,
    Points,

    /// <summary>A share between 0 and 1 (shown as a percentage).</summary>
    Share,

    /// <summary>A plain ratio (e.g. recency over the usual gap).</summary>
    Ratio,

    /// <summary>(recent − earlier) / (recent + earlier + 1), in (−1, 1).</summary>
    Trend,

    /// <summary>A distance between 0 (same) and 1 (nothing in common).</summary>
    Distance,
}

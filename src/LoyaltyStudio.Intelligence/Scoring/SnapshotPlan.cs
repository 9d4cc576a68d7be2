using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Churn;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>A segment as a run found it: identity, generated name, profile and (micro-segments) centroid.</summary>
internal sealed record PlannedSegment(SegmentKind Kind, string Key, string Name, string Description, string ProfileJson, string CentroidJson);

/// <summary>One customer's row of a run's snapshot, before segment keys are turned into ids.</summary>
internal sealed record PlannedScore(
    long CustomerId,
    ChurnPrediction Churn,
    LifetimeScore Lifetime,
    RfmScore Rfm,
    string RfmKey,
    string? MicroKey,
    string NextBestOffersJson = "[]",
    CustomerActivity Activity = default);

/// <summary>What a customer did up to the cut-off, as stored beside the scores: spend, points, recency.</summary>
internal readonly record struct CustomerActivity(decimal Spend365, decimal PointsBalance, int? DaysSinceLastPurchase)
{
    /// <summary>Reads the activity of one row of the feature table (recency, 365-day spend, points balance).</summary>
    public static CustomerActivity From(Features.FeatureTable table, int row)
    {
        var spend = table[row, Features.FeatureNames.Spend365];
        var points = table[row, Features.FeatureNames.PointsBalance];
        var recency = table[row, Features.FeatureNames.RecencyDays];
        return new CustomerActivity(
            Math.Round((decimal)Math.Max(0f, spend), 2),
            Math.Round((decimal)points, 0),
            float.IsFinite(recency) && recency >= 0 ? (int)Math.Floor(recency) : null);
    }
}

/// <summary>Everything a full run found, ready to be written under its run id.</summary>
internal sealed record SnapshotPlan(
    IReadOnlyList<PlannedScore> Scores,
    IReadOnlyList<PlannedSegment> Segments,
    IReadOnlyList<string> RetiredMicroKeys);

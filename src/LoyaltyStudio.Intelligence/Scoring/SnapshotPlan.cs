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
    string NextBestOffersJson = "[]");

/// <summary>Everything a full run found, ready to be written under its run id.</summary>
internal sealed record SnapshotPlan(
    IReadOnlyList<PlannedScore> Scores,
    IReadOnlyList<PlannedSegment> Segments,
    IReadOnlyList<string> RetiredMicroKeys);

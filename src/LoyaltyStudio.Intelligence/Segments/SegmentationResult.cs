namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>One micro-segment of a run: stable key, generated name and description, profile and centroid.</summary>
public sealed record MicroSegment(
    string Key,
    string Name,
    string Description,
    int Members,
    SegmentProfile Profile,
    SegmentCentroid Centroid,
    string? PreviousKey,
    double? DistanceToPrevious);

/// <summary>The outcome of a micro-segmentation run, for the pipeline to persist.</summary>
public sealed record SegmentationResult(
    DateTime Cutoff,
    IReadOnlyList<SegmentationFeature> Features,
    ClusterCountChoice ClusterCount,
    IReadOnlyList<MicroSegment> Segments,
    long[] CustomerIds,
    string[] SegmentKeys,
    IReadOnlyList<string> RetiredKeys)
{
    /// <summary>The key of the segment of the customer at row <paramref name="row"/> of the feature table.</summary>
    public string KeyOf(int row) => SegmentKeys[row];
}

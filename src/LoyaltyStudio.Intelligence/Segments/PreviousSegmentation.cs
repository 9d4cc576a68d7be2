namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>A micro-segment of an earlier run: its stable key and its centroid (from <c>Segment.CentroidJson</c>).</summary>
public sealed record PreviousSegment(string Key, SegmentCentroid Centroid);

/// <summary>
/// What the next run needs from earlier ones to keep segment identities: the segments to match new clusters to, and
/// every key ever handed out (retired ones included) so that a new segment never reuses an old number.
/// </summary>
public sealed record PreviousSegmentation(IReadOnlyList<PreviousSegment> Segments, IReadOnlyCollection<string>? UsedKeys = null);

using System.Globalization;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>How one new cluster was keyed: the key, and the previous segment it continues (with the distance) if any.</summary>
public sealed record SegmentIdentity(string Key, string? PreviousKey, double? DistanceToPrevious);

/// <summary>The keys of the new clusters (in their order) and the previous keys no cluster continues.</summary>
public sealed record SegmentIdentities(IReadOnlyList<SegmentIdentity> Clusters, IReadOnlyList<string> RetiredKeys);

/// <summary>
/// Keeps micro-segment keys stable between runs. Each previous centroid is brought into the new run's standardised
/// space through the scalers of both runs (a feature the previous run did not have counts as the new population's
/// mean), the distance between clusters is the root-mean-square difference per feature in new standard deviations,
/// and the Hungarian algorithm pairs new and previous centroids at the least total distance. A pair keeps the
/// previous key when its distance is at most the threshold; other new clusters get <c>micro:&lt;n&gt;</c> with the next
/// number never used before (larger clusters first), and previous keys left unpaired are retired.
/// </summary>
public static class SegmentIdentityMatcher
{
    public const string KeyPrefix = "micro:";

    public static SegmentIdentities Match(IReadOnlyList<SegmentCentroid> clusters, PreviousSegmentation? previous, double threshold, IReadOnlyList<int>? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var old = previous?.Segments ?? [];
        var cost = new double[clusters.Count, old.Count];
        for (var i = 0; i < clusters.Count; i++)
        {
            for (var j = 0; j < old.Count; j++)
                cost[i, j] = Distance(clusters[i], old[j].Centroid);
        }
        var pairs = clusters.Count > 0 && old.Count > 0 ? HungarianAssignment.Solve(cost) : Enumerable.Repeat(-1, clusters.Count).ToArray();

        var used = (previous?.UsedKeys ?? []).Concat(old.Select(s => s.Key));
        var next = used.Select(NumberOf).DefaultIfEmpty(0).Max() + 1;
        var keys = new SegmentIdentity?[clusters.Count];
        var continued = new HashSet<int>();
        for (var i = 0; i < clusters.Count; i++)
        {
            var j = pairs[i];
            if (j >= 0 && cost[i, j] <= threshold)
            {
                keys[i] = new SegmentIdentity(old[j].Key, old[j].Key, cost[i, j]);
                continued.Add(j);
            }
        }
        var newcomers = Enumerable.Range(0, clusters.Count)
            .Where(i => keys[i] is null)
            .OrderByDescending(i => sizes is null ? 0 : sizes[i])
            .ThenBy(i => i);
        foreach (var i in newcomers)
        {
            var j = pairs[i];
            keys[i] = new SegmentIdentity(KeyPrefix + (next++).ToString(CultureInfo.InvariantCulture), null, j >= 0 ? cost[i, j] : null);
        }
        var retired = Enumerable.Range(0, old.Count).Where(j => !continued.Contains(j)).Select(j => old[j].Key).ToList();
        return new SegmentIdentities([.. keys.Select(k => k!)], retired);
    }

    /// <summary>Root-mean-square difference per feature, in <paramref name="current"/>'s standardised units.</summary>
    public static double Distance(SegmentCentroid current, SegmentCentroid earlier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        var byFeature = earlier.Coordinates.ToDictionary(c => c.Feature, StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var c in current.Coordinates)
        {
            var then = byFeature.TryGetValue(c.Feature, out var e) ? (e.Transformed - c.Mean) / c.Deviation : 0;
            var diff = c.Value - then;
            sum += diff * diff;
        }
        return Math.Sqrt(sum / Math.Max(1, current.Coordinates.Count));
    }

    private static int NumberOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
}

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>The number of clusters chosen, and the mean silhouette of every k that was tried.</summary>
public sealed record ClusterCountChoice(int K, IReadOnlyDictionary<int, double> Silhouettes)
{
    /// <summary>The k-means fit of the chosen k on the selection sample (the same seed and restarts a final fit would use).</summary>
    public ClusterCentroids? Centroids { get; init; }
}

/// <summary>
/// Chooses k by the mean silhouette: for each k in the range, k-means is fitted on an evenly spaced sample of the
/// points (at most <c>fitSample</c>), and the silhouette of its clustering is averaged over a smaller evenly spaced
/// sample (at most <c>silhouetteSample</c>, where every pairwise distance is computed). The k with the highest mean
/// silhouette wins; within 0.005 of the best, the previous run's k wins when given (so that segments do not split and
/// merge from run to run for no real gain in separation), and otherwise the smaller k (fewer segments to explain). Evenly spaced samples of rows ordered by customer id need no random draw and give the same answer
/// each time.
/// </summary>
public static class ClusterCountSelector
{
    private const double Tolerance = 0.005;

    public static ClusterCountChoice Select(float[] points, int width, int minK, int maxK, int seed, int fitSample = 10_000, int silhouetteSample = 2_000, int restarts = 2, int? previousK = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(minK, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxK, minK);
        var n = points.Length / width;
        var fitPoints = EvenSample(points, width, fitSample);
        var silhouettePoints = EvenSample(points, width, silhouetteSample);
        var m = silhouettePoints.Length / width;
        if (m <= maxK)
            throw new ArgumentException($"Choosing among up to {maxK} clusters needs more than {maxK} points, not {n}.", nameof(points));
        var distances = PairwiseDistances(silhouettePoints, width);

        var silhouettes = new SortedDictionary<int, double>();
        var fits = new Dictionary<int, ClusterCentroids>();
        for (var k = minK; k <= maxK; k++)
        {
            var centroids = KMeansClustering.Fit(fitPoints, width, k, seed, restarts);
            fits[k] = centroids;
            var labels = KMeansClustering.Assign(silhouettePoints, centroids);
            silhouettes[k] = MeanSilhouette(distances, m, labels, centroids.Count);
        }
        var best = silhouettes.Values.Max();
        var chosen = previousK is { } kept && silhouettes.TryGetValue(kept, out var keptScore) && keptScore >= best - Tolerance
            ? kept
            : silhouettes.First(s => s.Value >= best - Tolerance).Key;
        return new ClusterCountChoice(chosen, silhouettes) { Centroids = fits[chosen] };
    }

    /// <summary>Mean silhouette of a labelling given all pairwise distances (row-major m × m); a point alone in its cluster scores 0.</summary>
    public static double MeanSilhouette(float[] distances, int m, int[] labels, int clusters)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(labels);
        var sizes = new int[clusters];
        foreach (var label in labels)
            sizes[label]++;
        var sums = new double[clusters];
        var total = 0.0;
        for (var i = 0; i < m; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < m; j++)
                sums[labels[j]] += distances[(i * m) + j];
            var own = labels[i];
            if (sizes[own] <= 1)
                continue;
            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < clusters; c++)
            {
                if (c != own && sizes[c] > 0)
                    b = Math.Min(b, sums[c] / sizes[c]);
            }
            if (double.IsPositiveInfinity(b))
                continue;
            var spread = Math.Max(a, b);
            total += spread > 0 ? (b - a) / spread : 0;
        }
        return total / m;
    }

    internal static float[] EvenSample(float[] points, int width, int size)
    {
        var n = points.Length / width;
        if (n <= size)
            return points;
        var sample = new float[size * width];
        for (var s = 0; s < size; s++)
        {
            var row = (int)((long)s * n / size);
            points.AsSpan(row * width, width).CopyTo(sample.AsSpan(s * width, width));
        }
        return sample;
    }

    private static float[] PairwiseDistances(float[] points, int width)
    {
        var m = points.Length / width;
        var distances = new float[m * m];
        for (var i = 0; i < m; i++)
        {
            var a = points.AsSpan(i * width, width);
            for (var j = i + 1; j < m; j++)
            {
                var d = (float)Math.Sqrt(KMeansClustering.SquaredDistance(a, points.AsSpan(j * width, width)));
                distances[(i * m) + j] = d;
                distances[(j * m) + i] = d;
            }
        }
        return distances;
    }
}

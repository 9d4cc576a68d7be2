using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>Centroids found by k-means, row-major (centroid c is <c>[c * Width, (c + 1) * Width)</c>), and their fit.</summary>
public sealed record ClusterCentroids(int Count, int Width, float[] Values, double Inertia);

/// <summary>
/// k-means through ML.NET's <see cref="KMeansTrainer"/> (k-means++ start, one thread so that a seed gives one
/// answer), best of a few seeded restarts by inertia; and the nearest-centroid rule that assigns points.
/// </summary>
public static class KMeansClustering
{
    /// <summary>Fits <paramref name="k"/> centroids to the row-major <paramref name="points"/> of width <paramref name="width"/>.</summary>
    public static ClusterCentroids Fit(float[] points, int width, int k, int seed, int restarts = 2)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        var n = points.Length / width;
        if (n < k)
            throw new ArgumentException($"k-means with {k} clusters needs at least {k} points, not {n}.", nameof(points));

        var rows = new Point[n];
        for (var i = 0; i < n; i++)
            rows[i] = new Point { Features = points.AsSpan(i * width, width).ToArray() };
        var schema = SchemaDefinition.Create(typeof(Point));
        schema[nameof(Point.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);

        ClusterCentroids? best = null;
        for (var attempt = 0; attempt < restarts; attempt++)
        {
            var ml = new MLContext(seed + attempt);
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(Point.Features),
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 200,
            });
            var model = trainer.Fit(data).Model;
            VBuffer<float>[] buffers = [];
            model.GetClusterCentroids(ref buffers, out var found);
            var values = new float[found * width];
            for (var c = 0; c < found; c++)
                buffers[c].DenseValues().ToArray().CopyTo(values, c * width);
            var inertia = Inertia(points, width, values, found);
            if (best is null || inertia < best.Inertia)
                best = new ClusterCentroids(found, width, values, inertia);
        }
        return best!;
    }

    /// <summary>
    /// Lloyd refinement: assigns every point to its nearest centroid and moves each centroid to its members' mean, for
    /// <paramref name="steps"/> rounds (a centroid that loses all its members stays where it was). Used to carry centroids
    /// fitted on a sample over to all the points without fitting again from scratch.
    /// </summary>
    public static ClusterCentroids Refine(float[] points, ClusterCentroids centroids, int steps = 2)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(centroids);
        var width = centroids.Width;
        var k = centroids.Count;
        var n = points.Length / width;
        var values = (float[])centroids.Values.Clone();
        for (var step = 0; step < steps; step++)
        {
            var sums = new double[k * width];
            var sizes = new int[k];
            for (var i = 0; i < n; i++)
            {
                var point = points.AsSpan(i * width, width);
                var c = Nearest(point, values, k, out _);
                sizes[c]++;
                for (var j = 0; j < width; j++)
                    sums[(c * width) + j] += point[j];
            }
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                    continue;
                for (var j = 0; j < width; j++)
                    values[(c * width) + j] = (float)(sums[(c * width) + j] / sizes[c]);
            }
        }
        return new ClusterCentroids(k, width, values, Inertia(points, width, values, k));
    }

    /// <summary>The index of the nearest centroid of each point (the lower index on a tie).</summary>
    public static int[] Assign(float[] points, ClusterCentroids centroids)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(centroids);
        var width = centroids.Width;
        var n = points.Length / width;
        var labels = new int[n];
        for (var i = 0; i < n; i++)
            labels[i] = Nearest(points.AsSpan(i * width, width), centroids.Values, centroids.Count, out _);
        return labels;
    }

    internal static int Nearest(ReadOnlySpan<float> point, float[] centroids, int count, out double squaredDistance)
    {
        var width = point.Length;
        var best = 0;
        squaredDistance = double.PositiveInfinity;
        for (var c = 0; c < count; c++)
        {
            var d = SquaredDistance(point, centroids.AsSpan(c * width, width));
            if (d < squaredDistance)
            {
                squaredDistance = d;
                best = c;
            }
        }
        return best;
    }

    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = (double)a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    private static double Inertia(float[] points, int width, float[] centroids, int count)
    {
        var total = 0.0;
        for (var i = 0; i < points.Length / width; i++)
        {
            Nearest(points.AsSpan(i * width, width), centroids, count, out var d);
            total += d;
        }
        return total;
    }

    private sealed class Point
    {
        public float[] Features { get; set; } = [];
    }
}

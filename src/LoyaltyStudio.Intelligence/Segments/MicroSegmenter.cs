using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// Finds the micro-segments of a feature table: transforms and standardises the <see cref="SegmentationFeatures"/>,
/// chooses k by silhouette (<see cref="ClusterCountSelector"/>, keeping the previous run's k when it is as good), fits ML.NET k-means on every customer, assigns each to
/// the nearest centroid (a cluster left empty is dropped), profiles and names the segments, and keeps keys stable
/// against the previous run (<see cref="SegmentIdentityMatcher"/>). Segments come out largest first.
/// </summary>
public static class MicroSegmenter
{
    public static SegmentationResult Fit(FeatureTable features, PreviousSegmentation? previous = null, MicroSegmentationOptions? options = null,
        System.Globalization.CultureInfo? money = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new MicroSegmentationOptions();
        options.Validate();
        var needed = options.MinClusters * options.MinCustomersPerCluster;
        if (features.Count < needed)
            throw new InvalidOperationException(
                $"Micro-segmentation needs at least {needed} customers with purchases ({options.MinClusters} clusters × {options.MinCustomersPerCluster}), but the feature table has {features.Count}.");

        var selection = SegmentationFeatures.For(features);
        var scaler = FeatureScaler.Fit(features, selection);
        var points = scaler.Standardise(features);
        var width = scaler.Width;

        var maxK = Math.Min(options.MaxClusters, features.Count / options.MinCustomersPerCluster);
        var choice = ClusterCountSelector.Select(points, width, options.MinClusters, maxK, options.Seed,
            options.SelectionSample, options.SilhouetteSample, options.Restarts,
            previous is { Segments.Count: > 0 } ? previous.Segments.Count : null);
        // The chosen k was already fitted (same seed and restarts) on the selection sample, which is every customer up to
        // SelectionSample; above that, a couple of Lloyd rounds over all customers carry the sample's centroids over
        // instead of fitting from scratch (at 100,000 customers that fit was most of the segment stage).
        var centroids = choice.Centroids is { } fitted
            ? (features.Count <= options.SelectionSample ? fitted : KMeansClustering.Refine(points, fitted))
            : KMeansClustering.Fit(points, width, choice.K, options.Seed, options.Restarts);
        var labels = KMeansClustering.Assign(points, centroids);

        // Clusters by size, largest first (then by centroid index), with empty ones dropped.
        var sizes = new int[centroids.Count];
        foreach (var label in labels)
            sizes[label]++;
        var order = Enumerable.Range(0, centroids.Count).Where(c => sizes[c] > 0)
            .OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();

        var profiles = Profiles(features, scaler, points, labels, order, sizes);
        var clusterCentroids = order.Select(c => CentroidOf(scaler, points, labels, c, sizes[c])).ToList();
        var identities = SegmentIdentityMatcher.Match(clusterCentroids, previous, options.MatchThreshold, [.. order.Select(c => sizes[c])]);
        var names = SegmentNamer.NameAll(profiles, money);

        var segments = new List<MicroSegment>(order.Length);
        var keyOfCluster = new string[centroids.Count];
        for (var s = 0; s < order.Length; s++)
        {
            var identity = identities.Clusters[s];
            keyOfCluster[order[s]] = identity.Key;
            segments.Add(new MicroSegment(identity.Key, names[s].Name, names[s].Description, sizes[order[s]], profiles[s],
                clusterCentroids[s], identity.PreviousKey, identity.DistanceToPrevious));
        }
        var keys = new string[labels.Length];
        for (var i = 0; i < labels.Length; i++)
            keys[i] = keyOfCluster[labels[i]];
        return new SegmentationResult(features.Cutoff, selection, choice, segments, features.CustomerIds, keys, identities.RetiredKeys);
    }

    // The centroid is the members' mean in standardised space (what k-means converges to), recomputed after the
    // final assignment so that profile, centroid and membership agree exactly.
    private static SegmentCentroid CentroidOf(FeatureScaler scaler, float[] points, int[] labels, int cluster, int size)
    {
        var width = scaler.Width;
        var sums = new double[width];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != cluster)
                continue;
            for (var j = 0; j < width; j++)
                sums[j] += points[(i * width) + j];
        }
        return new SegmentCentroid([.. Enumerable.Range(0, width).Select(j => new CentroidCoordinate(
            scaler.Features[j].Name, scaler.Features[j].Transform, scaler.Means[j], scaler.Deviations[j], sums[j] / size))]);
    }

    private static List<SegmentProfile> Profiles(FeatureTable features, FeatureScaler scaler, float[] points, int[] labels, int[] order, int[] sizes)
    {
        var width = scaler.Width;
        var k = sizes.Length;
        var columns = scaler.Features.Select(f => features.IndexOf(f.Name)).ToArray();
        var rawSums = new double[k, width];
        var zSums = new double[k, width];
        var population = new double[width];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = features.Row(i);
            var c = labels[i];
            for (var j = 0; j < width; j++)
            {
                var raw = row[columns[j]];
                rawSums[c, j] += raw;
                population[j] += raw;
                zSums[c, j] += points[(i * width) + j];
            }
        }
        var n = labels.Length;
        return [.. order.Select(c => new SegmentProfile(sizes[c], n, Enumerable.Range(0, width).Select(j => new FeatureContrast(
            scaler.Features[j].Name, rawSums[c, j] / sizes[c], population[j] / n, zSums[c, j] / sizes[c]))))];
    }
}

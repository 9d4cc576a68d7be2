using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class ClusterCountSelectorTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(9)]
    public void Silhouette_picks_the_number_of_blobs_the_points_were_drawn_from(int blobs)
    {
        const int width = 5;
        var (points, _) = Blobs(blobs, perBlob: 300, width, seed: blobs);

        var choice = ClusterCountSelector.Select(points, width, minK: 4, maxK: 12, seed: 3);

        Assert.Equal(blobs, choice.K);
        Assert.Equal(Enumerable.Range(4, 9), choice.Silhouettes.Keys);
    }

    [Fact]
    public void The_previous_run_s_k_does_not_win_over_a_clearly_better_one()
    {
        const int width = 5;
        var (points, _) = Blobs(5, perBlob: 300, width, seed: 5);

        var choice = ClusterCountSelector.Select(points, width, minK: 4, maxK: 12, seed: 3, previousK: 8);

        Assert.Equal(5, choice.K);
    }

    [Fact]
    public void Silhouette_is_high_for_the_true_blobs_and_near_zero_for_arbitrary_labels()
    {
        const int width = 5;
        var (points, labels) = Blobs(4, perBlob: 50, width, seed: 1);
        var m = labels.Length;
        var distances = new float[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var d = 0; d < width; d++)
                    sum += Math.Pow(points[(i * width) + d] - points[(j * width) + d], 2);
                distances[(i * m) + j] = (float)Math.Sqrt(sum);
            }
        }

        var truth = ClusterCountSelector.MeanSilhouette(distances, m, labels, 4);
        var arbitrary = ClusterCountSelector.MeanSilhouette(distances, m, [.. Enumerable.Range(0, m).Select(i => i / 4 % 4)], 4);

        // Centres 8 apart against a spread of √10 ≈ 3.2 within a blob: about (8.6 − 3.2) / 8.6 ≈ 0.6.
        Assert.InRange(truth, 0.55, 1.0);
        Assert.InRange(arbitrary, -0.2, 0.1);
    }

    [Fact]
    public void Centroids_fitted_on_a_sample_are_carried_over_to_all_points_by_Lloyd_rounds()
    {
        const int width = 3;
        var (points, labels) = Blobs(4, perBlob: 2_000, width, seed: 9);
        // Every 21st point (blobs alternate, so every blob is sampled): 380 of the 8,000.
        var sample = Enumerable.Range(0, labels.Length / 21).SelectMany(s => points.AsSpan(s * 21 * width, width).ToArray()).ToArray();
        var sampleFit = KMeansClustering.Fit(sample, width, 4, seed: 11);

        var refined = KMeansClustering.Refine(points, sampleFit);

        // On all 8,000 points the refined centroids fit at least as well as the sample's, and each sits on its blob's mean.
        var before = KMeansClustering.Refine(points, sampleFit, steps: 0).Inertia;
        Assert.True(refined.Inertia <= before, $"inertia {refined.Inertia} > {before}");
        var assigned = KMeansClustering.Assign(points, refined);
        for (var c = 0; c < refined.Count; c++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => assigned[i] == c).ToList();
            // Each cluster is one blob (a Gaussian tail point may cross over: at most 1 %).
            var blob = members.GroupBy(i => labels[i]).MaxBy(g => g.Count())!.Key;
            Assert.InRange(members.Count(i => labels[i] != blob), 0, members.Count / 100);
            for (var d = 0; d < width; d++)
            {
                var mean = members.Average(i => points[(i * width) + d]);
                Assert.Equal(mean, refined.Values[(c * width) + d], 0.01);
            }
        }
    }

    // Blob centres sit on distinct corners of a cube of side 8 (at least 8 apart); points scatter with σ = 1.
    private static (float[] Points, int[] Labels) Blobs(int blobs, int perBlob, int width, int seed)
    {
        var random = new Random(seed);
        var n = blobs * perBlob;
        var points = new float[n * width];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var blob = i % blobs;
            labels[i] = blob;
            for (var d = 0; d < width; d++)
            {
                var centre = ((blob >> d) & 1) * 8.0;
                var u = 1 - random.NextDouble();
                var gaussian = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
                points[(i * width) + d] = (float)(centre + gaussian);
            }
        }
        return (points, labels);
    }
}

using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class SegmentIdentityMatcherTests
{
    private static readonly string[] Features = ["a", "b", "c"];

    [Fact]
    public void Permuted_and_slightly_moved_centroids_keep_their_previous_keys()
    {
        var previous = new PreviousSegmentation(
        [
            new("micro:1", Centroid(0, 0, 0)), new("micro:2", Centroid(3, 0, 0)),
            new("micro:3", Centroid(0, 3, 0)), new("micro:4", Centroid(0, 0, 3)),
        ]);
        SegmentCentroid[] current = [Centroid(0.1, 2.9, 0), Centroid(0, 0.1, 3.1), Centroid(-0.1, 0, 0.1), Centroid(3.05, 0, 0)];

        var identities = SegmentIdentityMatcher.Match(current, previous, threshold: 0.35);

        Assert.Equal(["micro:3", "micro:4", "micro:1", "micro:2"], identities.Clusters.Select(c => c.Key));
        Assert.All(identities.Clusters, c => Assert.Equal(c.Key, c.PreviousKey));
        Assert.Empty(identities.RetiredKeys);
    }

    [Fact]
    public void A_cluster_too_far_from_any_previous_one_gets_the_next_number_never_used_and_the_unmatched_key_retires()
    {
        var previous = new PreviousSegmentation(
            [new("micro:2", Centroid(0, 0, 0)), new("micro:5", Centroid(3, 0, 0))],
            UsedKeys: ["micro:1", "micro:2", "micro:5", "micro:7"]);
        SegmentCentroid[] current = [Centroid(0, 0.1, 0), Centroid(-3, -3, 3)];

        var identities = SegmentIdentityMatcher.Match(current, previous, threshold: 0.35);

        Assert.Equal("micro:2", identities.Clusters[0].Key);
        Assert.Equal("micro:8", identities.Clusters[1].Key);
        Assert.Null(identities.Clusters[1].PreviousKey);
        Assert.Equal(["micro:5"], identities.RetiredKeys);
    }

    [Fact]
    public void Without_a_previous_run_keys_are_numbered_from_one_largest_cluster_first()
    {
        SegmentCentroid[] current = [Centroid(0, 0, 0), Centroid(3, 0, 0), Centroid(0, 3, 0)];

        var identities = SegmentIdentityMatcher.Match(current, previous: null, threshold: 0.35, sizes: [10, 30, 20]);

        Assert.Equal(["micro:3", "micro:1", "micro:2"], identities.Clusters.Select(c => c.Key));
    }

    [Fact]
    public void Distance_compares_centroids_through_each_run_s_scaler()
    {
        // The same point in transformed units (a = 10, b = 4, c = 0) standardised by two different scalers.
        var earlier = new SegmentCentroid(
        [
            new("a", FeatureTransform.Log1p, 8, 2, 1), new("b", FeatureTransform.None, 0, 4, 1), new("c", FeatureTransform.None, 0, 1, 0),
        ]);
        var current = new SegmentCentroid(
        [
            new("a", FeatureTransform.Log1p, 6, 1, 4), new("b", FeatureTransform.None, 2, 1, 2), new("c", FeatureTransform.None, 0, 1, 0),
        ]);

        Assert.Equal(0, SegmentIdentityMatcher.Distance(current, earlier), 12);
        Assert.Equal(Math.Sqrt(1.0 / 3), SegmentIdentityMatcher.Distance(current, earlier.With("c", 1)), 12);
    }

    [Fact]
    public void A_centroid_survives_its_json_form()
    {
        var centroid = new SegmentCentroid(
            [new("recency_days", FeatureTransform.Log1p, 3.2, 1.1, -0.75), new("category_share:Coffee", FeatureTransform.None, 0.2, 0.15, 1.9)]);

        var back = SegmentCentroid.FromJson(centroid.ToJson());

        Assert.Equal(centroid.Coordinates, back.Coordinates);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"coordinates\":[{\"feature\":\"a\",\"transform\":\"none\",\"mean\":0,\"deviation\":0,\"value\":1}]}")]
    public void Text_that_is_not_a_centroid_is_refused_with_the_reason(string json)
    {
        var error = Assert.Throws<FormatException>(() => SegmentCentroid.FromJson(json));

        Assert.Contains("segment centroid", error.Message, StringComparison.Ordinal);
    }

    private static SegmentCentroid Centroid(params double[] values) =>
        new([.. Features.Select((f, j) => new CentroidCoordinate(f, FeatureTransform.None, 0, 1, values[j]))]);
}

internal static class CentroidEditing
{
    /// <summary>The centroid with one coordinate's standardised value replaced.</summary>
    public static SegmentCentroid With(this SegmentCentroid centroid, string feature, double value) =>
        new([.. centroid.Coordinates.Select(c => c.Feature == feature ? c with { Value = value } : c)]);
}

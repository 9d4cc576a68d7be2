using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class RfmTests
{
    private static readonly DateTime Cutoff = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ten_distinct_values_fall_two_to_each_quintile_in_order()
    {
        float[] values = [50, 10, 90, 30, 70, 20, 100, 40, 80, 60];

        var scores = QuintileScores.HigherIsBetter(values);

        Assert.Equal([3, 1, 5, 2, 4, 1, 5, 2, 4, 3], scores);
    }

    [Fact]
    public void Fewer_days_since_the_last_purchase_earn_the_higher_recency_score()
    {
        float[] days = [1, 2, 3, 4, 5, 100, 200, 300, 400, 500];

        var scores = QuintileScores.LowerIsBetter(days);

        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], scores);
    }

    [Fact]
    public void Equal_values_share_the_score_of_the_fifth_where_their_middle_falls()
    {
        // Six of ten customers with one order: their middle (rank 3 of 10 → 30 %) lies in the second fifth.
        float[] orders = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5];

        var scores = QuintileScores.HigherIsBetter(orders);

        Assert.All(scores.Take(6), s => Assert.Equal(2, s));
        Assert.Equal([4, 4, 5, 5], scores.Skip(6));
    }

    [Fact]
    public void Every_recency_and_frequency_cell_maps_to_one_of_the_eleven_segments_and_each_segment_is_used()
    {
        var used = new HashSet<RfmSegment>();
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                var segment = RfmSegments.Classify(r, f);
                Assert.Contains(segment, RfmSegments.All);
                used.Add(segment);
            }
        }

        Assert.Equal(11, RfmSegments.All.Count);
        Assert.Equal(RfmSegments.All.ToHashSet(), used);
        Assert.Equal(11, RfmSegments.All.Select(s => s.Key).Distinct().Count());
        Assert.All(RfmSegments.All, s => Assert.StartsWith("rfm:", s.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, 5, "rfm:champions")]
    [InlineData(5, 1, "rfm:new")]
    [InlineData(4, 1, "rfm:promising")]
    [InlineData(3, 3, "rfm:need-attention")]
    [InlineData(3, 1, "rfm:about-to-sleep")]
    [InlineData(4, 4, "rfm:loyal")]
    [InlineData(5, 2, "rfm:potential-loyalist")]
    [InlineData(2, 3, "rfm:at-risk")]
    [InlineData(1, 5, "rfm:cant-lose-them")]
    [InlineData(2, 2, "rfm:hibernating")]
    [InlineData(1, 1, "rfm:lost")]
    public void The_grid_names_the_classic_cells(int recency, int frequency, string key)
    {
        Assert.Equal(key, RfmSegments.Classify(recency, frequency).Key);
    }

    [Fact]
    public void A_score_outside_one_to_five_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegments.Classify(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegments.Classify(3, 6));
    }

    [Fact]
    public void Scorer_reads_recency_orders_and_spend_and_names_the_segment_of_each_customer()
    {
        // Recent heavy buyers, recent one-off buyers, lapsed heavy buyers and lapsed one-off buyers.
        string[] names = [FeatureNames.RecencyDays, FeatureNames.Orders365, FeatureNames.Spend365];
        float[][] rows =
        [
            [1, 40, 900], [2, 35, 800], [3, 1, 10], [4, 2, 20], [50, 10, 300],
            [60, 12, 350], [300, 30, 700], [310, 25, 650], [400, 1, 5], [420, 2, 8],
        ];
        var table = new FeatureTable(Cutoff, names, [.. Enumerable.Range(1, 10).Select(i => (long)i)], [.. rows.SelectMany(r => r)]);

        var scored = RfmScorer.Score(table);

        Assert.Equal(table.CustomerIds, scored.Select(s => s.CustomerId));
        Assert.Equal((5, 5, 5, "rfm:champions"), (scored[0].Recency, scored[0].Frequency, scored[0].Monetary, scored[0].Segment.Key));
        Assert.Equal((4, 1, "rfm:promising"), (scored[2].Recency, scored[2].Frequency, scored[2].Segment.Key));
        Assert.Equal((2, 4, "rfm:at-risk"), (scored[6].Recency, scored[6].Frequency, scored[6].Segment.Key));
        Assert.Equal((1, 1, 1, "rfm:lost"), (scored[8].Recency, scored[8].Frequency, scored[8].Monetary, scored[8].Segment.Key));
    }

    [Fact]
    public void Scorer_names_the_missing_feature_when_the_table_lacks_one()
    {
        var table = new FeatureTable(Cutoff, [FeatureNames.RecencyDays, FeatureNames.Orders365], [1L], [3, 4]);

        var error = Assert.Throws<KeyNotFoundException>(() => RfmScorer.Score(table));

        Assert.Contains(FeatureNames.Spend365, error.Message, StringComparison.Ordinal);
    }
}

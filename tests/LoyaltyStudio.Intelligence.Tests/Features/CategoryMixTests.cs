using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Features;

public sealed class CategoryMixTests
{
    [Fact]
    public void The_same_mix_at_another_scale_is_at_distance_zero() =>
        Assert.Equal(0, CategoryMix.JensenShannonDistance([10, 30, 0], [1, 3, 0]), 12);

    [Fact]
    public void Mixes_with_no_category_in_common_are_at_distance_one() =>
        Assert.Equal(1, CategoryMix.JensenShannonDistance([5, 0, 0], [0, 2, 7]), 12);

    [Fact]
    public void Half_overlapping_mixes_are_at_the_distance_worked_out_by_hand()
    {
        // P = (1, 0), Q = (½, ½), M = (¾, ¼): JS = ½·log2(4/3) + ½·(½·log2(2/3) + ½·log2(2)) = 0.311278 bits.
        Assert.Equal(Math.Sqrt(0.311278), CategoryMix.JensenShannonDistance([4, 0], [1, 1]), 5);
    }

    [Fact]
    public void No_spend_on_one_side_shows_no_shift() =>
        Assert.Equal(0, CategoryMix.JensenShannonDistance([0, 0], [3, 1]));

    [Fact]
    public void Returns_that_outweigh_purchases_count_as_no_spend_in_the_shares()
    {
        var shares = new float[3];

        CategoryMix.Shares([30, -10, 10], shares);

        Assert.Equal([0.75f, 0f, 0.25f], shares);
    }
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Domain.Tests.Loyalty;

public class TierTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Tier_without_a_code_is_refused(string code)
    {
        var ex = Assert.Throws<DomainException>(() => new Tier(code, "Nameless", 0, 0m, 1m));

        Assert.Contains("code", ex.Message);
    }

    [Fact]
    public void Tier_with_a_negative_rank_is_refused() =>
        Assert.Contains("rank", Assert.Throws<DomainException>(() => new Tier("X", "X", -1, 0m, 1m)).Message);

    [Fact]
    public void Tier_with_a_negative_qualifying_spend_is_refused() =>
        Assert.Contains("qualifying spend", Assert.Throws<DomainException>(() => new Tier("X", "X", 0, -1m, 1m)).Message);

    [Fact]
    public void Tier_with_a_negative_points_rate_is_refused() =>
        Assert.Contains("points rate", Assert.Throws<DomainException>(() => new Tier("X", "X", 0, 0m, -0.5m)).Message);

    [Theory]
    [InlineData(100.00, 1.25, 125)]
    [InlineData(10.79, 1.5, 16)]
    [InlineData(0.99, 1, 0)]
    [InlineData(0, 2, 0)]
    [InlineData(-40, 2, 0)]
    public void Points_are_whole_rounded_down_and_nothing_for_returns(decimal orderValue, decimal rate, int expected)
    {
        var tier = new Tier("T", "T", 0, 0m, rate);

        Assert.Equal(expected, tier.PointsFor(orderValue));
    }
}

using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

public sealed class GaussHypergeometricTests
{
    // The series stops when its geometric tail bound is below 1e-15 of the sum; rounding over the (at most a few thousand)
    // terms adds a few 1e-16 each, so 1e-12 relative is a safe bound that still catches any wrong term ratio.
    private const double RelativeTolerance = 1e-12;

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Two_F_one_of_1_1_2_is_minus_log_of_one_minus_z_over_z(double z)
    {
        var expected = -Math.Log(1 - z) / z;

        var actual = GaussHypergeometric.Evaluate(1, 1, 2, z);

        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * expected, $"2F1(1,1;2;{z}) = {actual}, expected {expected}");
    }

    [Theory]
    [InlineData(0.7, 3.2, 0.8)]
    [InlineData(2.5, 0.4, 0.3)]
    public void Two_F_one_with_c_equal_to_b_is_one_minus_z_to_the_minus_a(double a, double b, double z)
    {
        var expected = Math.Pow(1 - z, -a);

        var actual = GaussHypergeometric.Evaluate(a, b, b, z);

        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * expected, $"2F1 = {actual}, expected {expected}");
    }

    [Fact]
    public void Two_F_one_at_zero_is_one() => Assert.Equal(1.0, GaussHypergeometric.Evaluate(0.3, 4.1, 2.2, 0));

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Arguments_outside_the_series_range_are_refused(double z) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussHypergeometric.Evaluate(1, 1, 2, z));
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Domain.Tests.Scoring;

public class ChurnRiskThresholdsTests
{
    [Theory]
    [InlineData(0, ChurnRiskBand.Low)]
    [InlineData(39, ChurnRiskBand.Low)]
    [InlineData(40, ChurnRiskBand.Medium)]
    [InlineData(69, ChurnRiskBand.Medium)]
    [InlineData(70, ChurnRiskBand.High)]
    [InlineData(100, ChurnRiskBand.High)]
    public void Default_thresholds_put_scores_into_bands_at_40_and_70(int score, ChurnRiskBand band) =>
        Assert.Equal(band, ChurnRiskThresholds.Default.BandFor(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Score_outside_0_to_100_is_refused(int score) =>
        Assert.Contains($"not {score}", Assert.Throws<DomainException>(() => ChurnRiskThresholds.Default.BandFor(score)).Message);

    [Fact]
    public void Custom_thresholds_move_the_band_edges()
    {
        var thresholds = new ChurnRiskThresholds(20, 50);

        Assert.Equal([ChurnRiskBand.Low, ChurnRiskBand.Medium, ChurnRiskBand.Medium, ChurnRiskBand.High],
            new[] { 19, 20, 49, 50 }.Select(thresholds.BandFor));
    }

    [Theory]
    [InlineData(0, 50, "medium")]
    [InlineData(101, 102, "medium")]
    [InlineData(50, 50, "high")]
    [InlineData(60, 40, "high")]
    [InlineData(40, 101, "high")]
    public void Thresholds_that_would_make_a_band_unreachable_are_refused(int mediumFrom, int highFrom, string named)
    {
        var ex = Assert.Throws<DomainException>(() => new ChurnRiskThresholds(mediumFrom, highFrom));

        Assert.Contains(named, ex.Message);
    }
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Domain.Tests.Scoring;

public class CustomerScoreTests
{
    private static CustomerScore Score(double churn, double alive = 0.5) =>
        new(1, 42, churn, ChurnRiskThresholds.Default, "[]", alive, 2.5, 62m, 310m, new RfmScore(5, 4, 3), 3, 4, "[]");

    [Theory]
    [InlineData(0.0, 0, ChurnRiskBand.Low)]
    [InlineData(0.25, 25, ChurnRiskBand.Low)]
    [InlineData(0.4, 40, ChurnRiskBand.Medium)]
    [InlineData(0.7, 70, ChurnRiskBand.High)]
    [InlineData(0.996, 100, ChurnRiskBand.High)]
    [InlineData(1.0, 100, ChurnRiskBand.High)]
    public void Churn_probability_becomes_a_0_to_100_score_and_its_band(double probability, int score, ChurnRiskBand band)
    {
        var result = Score(probability);

        Assert.Equal((score, band), (result.ChurnScore, result.ChurnRiskBand));
    }

    [Fact]
    public void Half_points_round_away_from_zero() => Assert.Equal(13, Score(0.125).ChurnScore);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Churn_probability_outside_0_to_1_is_refused(double probability) =>
        Assert.Contains("Customer 42: a churn probability", Assert.Throws<DomainException>(() => Score(probability)).Message);

    [Theory]
    [InlineData(-0.5)]
    [InlineData(2)]
    [InlineData(double.NaN)]
    public void Probability_alive_outside_0_to_1_is_refused(double alive) =>
        Assert.Contains("P(alive)", Assert.Throws<DomainException>(() => Score(0.5, alive)).Message);

    [Fact]
    public void Score_uses_the_thresholds_it_is_given()
    {
        var score = new CustomerScore(1, 42, 0.3, new ChurnRiskThresholds(20, 30), "[]", 0.5, 1, 1m, 1m, new RfmScore(1, 1, 1), null, null, "[]");

        Assert.Equal(ChurnRiskBand.High, score.ChurnRiskBand);
    }

    [Fact]
    public void Score_keeps_the_rfm_quintiles_and_expected_spend_per_order()
    {
        var score = Score(0.2);

        Assert.Equal((5, 4, 3, 62m), (score.RfmRecency, score.RfmFrequency, score.RfmMonetary, score.ExpectedSpendPerOrder));
    }

    [Theory]
    [InlineData(0, 3, 3, "recency")]
    [InlineData(3, 6, 3, "frequency")]
    [InlineData(3, 3, -1, "monetary")]
    public void Rfm_score_outside_1_to_5_is_refused(int recency, int frequency, int monetary, string which) =>
        Assert.Contains($"An RFM {which} score runs from 1 to 5", Assert.Throws<DomainException>(() => new RfmScore(recency, frequency, monetary)).Message);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Expected_purchases_that_are_negative_or_not_finite_are_refused(double purchases) =>
        Assert.Contains("expected purchases", Assert.Throws<DomainException>(() =>
            new CustomerScore(1, 42, 0.3, ChurnRiskThresholds.Default, "[]", 0.5, purchases, 1m, 1m, new RfmScore(1, 1, 1), null, null, "[]")).Message);

    [Fact]
    public void Negative_spend_per_order_or_lifetime_value_is_refused()
    {
        Assert.Contains("expected spend per order", Assert.Throws<DomainException>(() =>
            new CustomerScore(1, 42, 0.3, ChurnRiskThresholds.Default, "[]", 0.5, 1, -1m, 1m, new RfmScore(1, 1, 1), null, null, "[]")).Message);
        Assert.Contains("predicted lifetime value", Assert.Throws<DomainException>(() =>
            new CustomerScore(1, 42, 0.3, ChurnRiskThresholds.Default, "[]", 0.5, 1, 1m, -1m, new RfmScore(1, 1, 1), null, null, "[]")).Message);
    }

    [Fact]
    public void Activity_at_the_cutoff_is_recorded_and_nonsense_is_refused()
    {
        var score = Score(0.3);
        score.RecordActivity(1234.5m, 870m, 12);
        Assert.Equal((1234.5m, 870m, (int?)12), (score.Spend365, score.PointsBalance, score.DaysSinceLastPurchase));

        Assert.Contains("spend over 365 days cannot be negative", Assert.Throws<DomainException>(() => score.RecordActivity(-1m, 0m, 1)).Message);
        Assert.Contains("days since the last purchase cannot be negative", Assert.Throws<DomainException>(() => score.RecordActivity(1m, 0m, -3)).Message);
        score.RecordActivity(0m, 0m, null);
        Assert.Null(score.DaysSinceLastPurchase);
    }
}

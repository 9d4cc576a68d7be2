using LoyaltyStudio.Intelligence.Churn;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class ChurnMetricsTests
{
    [Fact]
    public void Roc_auc_counts_a_tied_pair_as_half()
    {
        // Positives 0.4 and 0.8 against negatives 0.1, 0.35, 0.4: pairs won 1 + 1 + ½ + 3 = 5.5 of 6.
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.4];
        bool[] churned = [false, true, false, true, false];

        Assert.Equal(5.5 / 6, ChurnMetrics.RocAuc(scores, churned), 12);
    }

    [Fact]
    public void Roc_auc_is_one_for_a_perfect_ranking_and_zero_for_a_reversed_one()
    {
        double[] scores = [0.1, 0.2, 0.3, 0.4];
        Assert.Equal(1.0, ChurnMetrics.RocAuc(scores, [false, false, true, true]), 12);
        Assert.Equal(0.0, ChurnMetrics.RocAuc(scores, [true, true, false, false]), 12);
    }

    [Fact]
    public void Roc_auc_stays_between_0_and_1_with_more_churned_customers_than_an_int_can_square()
    {
        // 60,000 churned above 40,000 retained: perfectly separated, so exactly 1 (it came out above 2 when the rank-sum term overflowed).
        var scores = Enumerable.Range(0, 100_000).Select(i => (double)i).ToList();
        var churned = scores.Select(s => s >= 40_000).ToList();

        Assert.Equal(1.0, ChurnMetrics.RocAuc(scores, churned), 12);
    }

    [Fact]
    public void Pr_auc_is_average_precision_with_tied_scores_entering_together()
    {
        // 0.8 (churned): recall ½ at precision 1; the tie at 0.4 (one churned, one not) adds recall ½ at precision 2/3.
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.4];
        bool[] churned = [false, true, false, true, false];

        Assert.Equal((0.5 * 1) + (0.5 * 2.0 / 3), ChurnMetrics.PrAuc(scores, churned), 12);
    }

    [Fact]
    public void Brier_score_is_the_mean_squared_error_of_the_probabilities()
    {
        // (0.1−0)² + (0.9−1)² + (0.5−1)² + (0.7−0)² = 0.01 + 0.01 + 0.25 + 0.49 = 0.76, over 4.
        Assert.Equal(0.19, ChurnMetrics.Brier([0.1, 0.9, 0.5, 0.7], [false, true, true, false]), 12);
    }

    [Fact]
    public void Calibration_table_has_ten_bins_with_mean_prediction_observed_rate_and_count()
    {
        double[] probabilities = [0.05, 0.15, 0.18, 0.95, 1.0];
        bool[] churned = [false, true, false, true, true];

        var bins = ChurnMetrics.CalibrationTable(probabilities, churned);

        Assert.Equal(10, bins.Count);
        Assert.Equal((1, 0.05, 0.0), (bins[0].Count, bins[0].MeanPredicted!.Value, bins[0].ObservedRate!.Value));
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(0.165, bins[1].MeanPredicted!.Value, 12);
        Assert.Equal(0.5, bins[1].ObservedRate!.Value, 12);
        Assert.Equal(2, bins[9].Count);
        Assert.Equal(0.975, bins[9].MeanPredicted!.Value, 12);
        Assert.Equal(1.0, bins[9].ObservedRate!.Value, 12);
        Assert.All(bins.Skip(2).Take(7), b => Assert.Equal((0, (double?)null, (double?)null), (b.Count, b.MeanPredicted, b.ObservedRate)));
        Assert.Equal((0.9, 1.0), (bins[9].Lower, bins[9].Upper));
    }

    [Fact]
    public void Lift_in_the_top_decile_compares_its_churn_rate_with_everyones()
    {
        // 20 customers, 5 churned (rate ¼); the top two scores (19 and 18) both churned (rate 1): lift 4.
        var scores = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var churned = scores.Select(s => s is 19 or 18 or 3 or 7 or 10).ToArray();

        Assert.Equal(4.0, ChurnMetrics.LiftInTopDecile(scores, churned), 12);
    }

    [Fact]
    public void Lift_takes_the_rounded_up_tenth_of_the_customers()
    {
        // 11 customers: the top decile is 2 customers (⌈1.1⌉); one of them churned, 2 of 11 overall → (½)/(2/11) = 2.75.
        var scores = Enumerable.Range(0, 11).Select(i => (double)i).ToArray();
        var churned = scores.Select(s => s is 10 or 0).ToArray();

        Assert.Equal(2.75, ChurnMetrics.LiftInTopDecile(scores, churned), 12);
    }

    [Fact]
    public void Ranking_measures_refuse_a_single_class()
    {
        var error = Assert.Throws<ArgumentException>(() => ChurnMetrics.RocAuc([0.2, 0.3], [true, true]));
        Assert.Contains("2 churned and 0 retained", error.Message);
    }
}

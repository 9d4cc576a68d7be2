using System.Text.Json;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

/// <summary>A churn model trained once on synthetic windows, shared by the tests that only read it.</summary>
public sealed class TrainedSyntheticChurn
{
    public static readonly DateTime Latest = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    public TrainedSyntheticChurn()
    {
        (EarlierFeatures, EarlierLabels, LaterFeatures, LaterLabels) = SyntheticChurnData.Windows(4000, Latest);
        Result = new ChurnTrainer().Train(EarlierFeatures, EarlierLabels, LaterFeatures, LaterLabels, Latest);
    }

    public FeatureTable EarlierFeatures { get; }
    public ChurnLabels EarlierLabels { get; }
    public FeatureTable LaterFeatures { get; }
    public ChurnLabels LaterLabels { get; }
    public ChurnTrainingResult Result { get; }
}

public sealed class ChurnTrainerTests(TrainedSyntheticChurn trained) : IClassFixture<TrainedSyntheticChurn>
{
    [Fact]
    public void Both_algorithms_are_measured_on_the_same_split_and_the_better_auc_is_kept()
    {
        var report = trained.Result.Report;

        Assert.Equal(["LightGbm", "FastTree"], report.Candidates.Select(c => c.Algorithm));
        var best = report.Candidates.MaxBy(c => c.Auc)!;
        Assert.Equal(best.Algorithm, report.Algorithm);
        Assert.Equal(best.Auc, report.Auc);
        Assert.Equal(report.Algorithm, trained.Result.Model.Algorithm);
        Assert.Equal(4000, report.Evaluation.TestCustomers);
        Assert.Equal(trained.LaterLabels.ChurnedCount, report.Evaluation.TestChurned);
    }

    [Fact]
    public void Model_beats_the_recency_only_baseline_out_of_time_when_churn_depends_on_more_than_recency()
    {
        var report = trained.Result.Report;

        Assert.True(report.Auc > report.BaselineAuc + 0.05,
            $"Out-of-time AUC {report.Auc:F3} should clearly beat the recency-only baseline {report.BaselineAuc:F3} on data where app use and complaints matter.");
        Assert.InRange(report.Brier, 0, 0.25);
        Assert.True(report.LiftTopDecile > 1.3, $"Lift in the top decile was {report.LiftTopDecile:F2}.");
    }

    [Fact]
    public void Calibrated_probabilities_match_the_observed_churn_rate_per_bin()
    {
        foreach (var bin in trained.Result.Report.Calibration.Where(b => b.Count >= 200))
        {
            Assert.True(Math.Abs(bin.MeanPredicted!.Value - bin.ObservedRate!.Value) < 0.1,
                $"Bin [{bin.Lower}, {bin.Upper}) predicts {bin.MeanPredicted:F3} but {bin.ObservedRate:F3} churned ({bin.Count} customers).");
        }
        Assert.Equal(4000, trained.Result.Report.Calibration.Sum(b => b.Count));
    }

    [Fact]
    public void Global_drivers_rank_the_features_the_churn_rule_uses_first()
    {
        var top = trained.Result.Report.Drivers.Take(4).Select(d => d.Feature).ToList();

        Assert.Contains(FeatureNames.AppOpensTrend, top);
        Assert.True(top.Contains(FeatureNames.RecencyOverGap) || top.Contains(FeatureNames.RecencyDays), string.Join(", ", top));
        Assert.Equal(SyntheticChurnData.Names.Count, trained.Result.Report.Drivers.Count);
    }

    [Fact]
    public void Report_json_carries_the_keys_the_train_command_prints()
    {
        var json = JsonDocument.Parse(trained.Result.Report.ToJson()).RootElement;

        foreach (var key in new[] { "auc", "baselineAuc", "prAuc", "brier", "trainSeconds" })
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        Assert.True(json.GetProperty("trainSeconds").GetDouble() > 0);
        Assert.Equal(trained.Result.Report.Auc, ChurnReport.FromJson(trained.Result.Report.ToJson()).Auc);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_model()
    {
        var again = new ChurnTrainer().Train(trained.EarlierFeatures, trained.EarlierLabels, trained.LaterFeatures, trained.LaterLabels, TrainedSyntheticChurn.Latest);

        Assert.Equal(trained.Result.Report.Candidates.Select(c => c.Auc), again.Report.Candidates.Select(c => c.Auc));
        Assert.Equal(trained.Result.Model.PredictProbabilities(trained.LaterFeatures), again.Model.PredictProbabilities(trained.LaterFeatures));
    }

    [Fact]
    public async Task Fewer_customers_than_the_minimum_stop_training_with_the_count_and_the_date()
    {
        var cutoff = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var (features, labels) = SyntheticChurnData.Window(312, 1, cutoff);
        var latest = cutoff.AddDays(180);

        var error = await Assert.ThrowsAsync<ChurnTrainingException>(() =>
            new ChurnTrainer().TrainAsync(new FixedFeatures(features), new FixedLabels(labels), latest));

        Assert.Equal("Only 312 customers have a purchase before 2026-01-01; training needs at least 500.", error.Message);
    }

    [Fact]
    public void A_window_where_everyone_churned_stops_training_saying_retained_customers_are_missing()
    {
        var (earlier, _, later, laterLabels) = SyntheticChurnData.Windows(800, TrainedSyntheticChurn.Latest);
        var allChurned = new ChurnLabels(earlier.Cutoff, 90, earlier.CustomerIds, earlier.CustomerIds.Select(_ => true).ToArray());

        var error = Assert.Throws<ChurnTrainingException>(() =>
            new ChurnTrainer().Train(earlier, allChurned, later, laterLabels, TrainedSyntheticChurn.Latest));

        Assert.Equal("Only 0 of the 800 customers with a purchase before 2026-01-02 bought again in the 90 days after; training needs at least 25 retained customers.", error.Message);
    }

    [Fact]
    public void Non_finite_features_never_reach_the_model_because_the_table_refuses_them()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new FeatureTable(TrainedSyntheticChurn.Latest, [FeatureNames.RecencyDays, FeatureNames.Orders30], [7], [float.NaN, 1]));

        Assert.Contains("'recency_days' of customer 7 is NaN", error.Message);
    }

    /// <summary>A feature builder that hands back one prepared table, at whatever cut-off it is asked for.</summary>
    private sealed class FixedFeatures(FeatureTable table) : IFeatureBuilder
    {
        public Task<FeatureTable> BuildAsync(DateTime cutoff, IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(table);
    }

    private sealed class FixedLabels(ChurnLabels labels) : IChurnLabelSource
    {
        public Task<ChurnLabels> LoadAsync(DateTime cutoff, int horizonDays, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChurnLabels(cutoff, horizonDays, labels.CustomerIds, labels.Churned));
    }
}

using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class ChurnModelTests(TrainedSyntheticChurn trained) : IClassFixture<TrainedSyntheticChurn>
{
    private ChurnModel Model => trained.Result.Model;

    [Fact]
    public void Artifact_round_trip_keeps_the_predictions_and_the_feature_names()
    {
        var loaded = ChurnModel.FromBytes(Model.ToBytes());

        Assert.Equal(Model.FeatureNames, loaded.FeatureNames);
        Assert.Equal(Model.Algorithm, loaded.Algorithm);
        Assert.Equal(Model.PredictProbabilities(trained.LaterFeatures), loaded.PredictProbabilities(trained.LaterFeatures));
        var before = Model.Score(trained.LaterFeatures);
        var after = loaded.Score(trained.LaterFeatures);
        Assert.Equal(before.SelectMany(p => p.Reasons).Select(r => r.Sentence), after.SelectMany(p => p.Reasons).Select(r => r.Sentence));
    }

    [Fact]
    public void Scoring_a_table_without_a_trained_feature_fails_naming_it()
    {
        var names = SyntheticChurnData.Names.Where(n => n != FeatureNames.AppOpensTrend).Append("loyalty_mood").ToArray();
        var table = new FeatureTable(TrainedSyntheticChurn.Latest, names, [1], new float[names.Length]);
        var loaded = ChurnModel.FromBytes(Model.ToBytes());

        var error = Assert.Throws<ChurnModelException>(() => loaded.Score(table));

        Assert.Contains("Missing from the table: 'app_opens_trend'", error.Message);
        Assert.Contains("Not known to the model: 'loyalty_mood'", error.Message);
    }

    [Fact]
    public void Scoring_a_table_with_the_features_in_another_order_fails_saying_so()
    {
        var names = SyntheticChurnData.Names.Reverse().ToArray();
        var table = new FeatureTable(TrainedSyntheticChurn.Latest, names, [1], new float[names.Length]);

        var error = Assert.Throws<ChurnModelException>(() => Model.PredictProbabilities(table));

        Assert.Contains("in another order", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_churn_model_are_refused_clearly()
    {
        var error = Assert.Throws<ChurnModelException>(() => ChurnModel.FromBytes([1, 2, 3, 4, 5]));
        Assert.Contains("churn model", error.Message);

        var truncated = Model.ToBytes()[..200];
        Assert.Throws<ChurnModelException>(() => ChurnModel.FromBytes(truncated));
    }

    [Fact]
    public void Scores_and_bands_follow_the_probability_and_the_thresholds()
    {
        var thresholds = new ChurnRiskThresholds(30, 60);

        var predictions = Model.Score(trained.LaterFeatures, thresholds);

        Assert.Equal(trained.LaterFeatures.CustomerIds, predictions.Select(p => p.CustomerId));
        Assert.All(predictions, p =>
        {
            Assert.Equal((int)Math.Round(p.Probability * 100, MidpointRounding.AwayFromZero), p.Score);
            Assert.Equal(thresholds.BandFor(p.Score), p.Band);
        });
        Assert.Contains(predictions, p => p.Band == ChurnRiskBand.High);
        Assert.Contains(predictions, p => p.Band == ChurnRiskBand.Low);
    }

    [Fact]
    public void Medium_and_high_risk_customers_get_up_to_three_reasons_from_features_that_raised_their_score()
    {
        var predictions = Model.Score(trained.LaterFeatures);

        Assert.All(predictions.Where(p => p.Band == ChurnRiskBand.Low), p => Assert.Empty(p.Reasons));
        var risky = predictions.Where(p => p.Band >= ChurnRiskBand.Medium).ToList();
        Assert.NotEmpty(risky);
        Assert.All(risky, p =>
        {
            Assert.InRange(p.Reasons.Count, 1, 3);
            Assert.All(p.Reasons, r => Assert.True(r.Contribution > 0));
            Assert.Equal(p.Reasons.Count, p.Reasons.Select(r => r.Sentence).Distinct(StringComparer.Ordinal).Count());
            var row = Array.IndexOf(trained.LaterFeatures.CustomerIds, p.CustomerId);
            var behaviours = p.Reasons.Select(r => ChurnReasonPicker.Behaviour(trained.LaterFeatures, row, r.Feature));
            Assert.Equal(p.Reasons.Count, behaviours.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(p.Reasons.OrderByDescending(r => r.Contribution).Select(r => r.Feature), p.Reasons.Select(r => r.Feature));
        });
        // The rule that drew the labels makes overdue customers risky: their reasons say so in their own numbers.
        var table = trained.LaterFeatures;
        var overdue = risky.First(p => p.Reasons[0].Feature is FeatureNames.RecencyOverGap or FeatureNames.RecencyDays
            && table[Array.IndexOf(table.CustomerIds, p.CustomerId), FeatureNames.RecencyOverGap] >= 2);
        var row = Array.IndexOf(table.CustomerIds, overdue.CustomerId);
        Assert.StartsWith($"No purchase for {Math.Round(table[row, FeatureNames.RecencyDays])} days; usually buys every", overdue.Reasons[0].Sentence);
        Assert.EndsWith(" days", overdue.Reasons[0].Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LightGbm")]
    [InlineData("FastTree")]
    public void Either_algorithm_explains_its_scores_with_feature_contributions(string algorithm)
    {
        var options = new ChurnTrainingOptions { Candidates = [algorithm], NumberOfTrees = 40 };
        var result = new ChurnTrainer(options).Train(trained.EarlierFeatures, trained.EarlierLabels, trained.LaterFeatures, trained.LaterLabels, TrainedSyntheticChurn.Latest);

        var predictions = result.Model.Score(trained.LaterFeatures);

        Assert.Equal(algorithm, result.Model.Algorithm);
        Assert.Contains(predictions, p => p.Reasons.Count > 0);
        Assert.True(result.Report.Drivers[0].MeanAbsContribution > 0);
    }
}

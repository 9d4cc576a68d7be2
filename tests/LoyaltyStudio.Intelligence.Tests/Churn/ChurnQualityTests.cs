using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

[Collection(SimulatedLoyaltyDataGroup.Name)]
public sealed class ChurnQualityTests(SimulatedLoyaltyData data, ITestOutputHelper output)
{
    [Fact]
    public async Task Out_of_time_auc_on_the_demo_data_is_at_least_080_and_beats_recency_alone()
    {
        var result = await new ChurnTrainer().TrainAsync(
            new SqlFeatureBuilder(data.Database.Factory), new OrderChurnLabelSource(data.Database.Factory), data.End);
        var report = result.Report;
        output.WriteLine(report.ToJson());

        var figures = $"out-of-time AUC {report.Auc:F3} ({report.Algorithm}; " +
            string.Join(", ", report.Candidates.Select(c => $"{c.Algorithm} {c.Auc:F3}")) +
            $"), recency-only baseline {report.BaselineAuc:F3}";
        Assert.True(report.Auc >= 0.80, $"Churn quality bar missed: {figures}.");
        Assert.True(report.Auc > report.BaselineAuc, $"Churn model does not beat recency alone: {figures}.");
    }
}

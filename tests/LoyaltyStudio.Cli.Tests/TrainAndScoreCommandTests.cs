using System.Text.Json;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests;

public sealed class TrainAndScoreCommandTests
{
    [Fact]
    public async Task Train_json_reports_the_churn_evaluation_and_score_makes_a_current_run()
    {
        using var folder = new TempDataFolder();
        var seed = await CliRun.RunAsync("seed", "-n", "1500", "--seed", "5", "--from", "2024-07-01", "--to", "2026-06-30", folder.Override);
        Assert.True(seed.ExitCode == ExitCodes.Success, seed.Error);

        var train = await CliRun.RunAsync("train", "--json", folder.Override);

        Assert.True(train.ExitCode == ExitCodes.Success, train.Error);
        using (var report = JsonDocument.Parse(train.Out))
        {
            var churn = report.RootElement.GetProperty("churn");
            foreach (var name in new[] { "auc", "baselineAuc", "prAuc", "brier", "trainSeconds" })
                Assert.True(churn.GetProperty(name).GetDouble() > 0, name);
            Assert.True(churn.GetProperty("auc").GetDouble() > churn.GetProperty("baselineAuc").GetDouble());
            Assert.True(report.RootElement.GetProperty("churnModel").GetProperty("activated").GetBoolean());
        }

        // Settings reach the command the ASP.NET Core way: here the high-risk threshold from the command line.
        var score = await CliRun.RunAsync("score", folder.Override, "--Scoring:HighRiskFrom=55");

        Assert.True(score.ExitCode == ExitCodes.Success, score.Error);
        await using var context = folder.Factory().CreateDbContext();
        var run = await context.ScoringRuns.SingleAsync();
        Assert.True(run.IsCurrent);
        Assert.Equal(new ChurnRiskThresholds(40, 55), run.Thresholds);
        Assert.Equal(0, await context.CustomerScores.CountAsync(s => (s.ChurnScore >= 55) != (s.ChurnRiskBand == ChurnRiskBand.High)));
        Assert.Contains($"Scoring run {run.Id} (Full, cut-off 2026-07-01) is current: {run.CustomersScored:N0} customers scored", score.Out);
        Assert.Contains(ScoringStagesNames.Publish, score.Out);
        Assert.Equal(run.CustomersScored, await context.CustomerScores.CountAsync());

        var incremental = await CliRun.RunAsync("score", "--incremental", folder.Override);

        Assert.Equal(ExitCodes.Success, incremental.ExitCode);
        Assert.Contains("No customer is marked for re-scoring", incremental.Out);
    }

    [Fact]
    public async Task Score_before_any_training_says_to_train_first_with_exit_code_3()
    {
        using var folder = new TempDataFolder();
        var seed = await CliRun.RunAsync("seed", "-n", "50", "--seed", "5", "--from", "2025-07-01", "--to", "2026-06-30", folder.Override);
        Assert.True(seed.ExitCode == ExitCodes.Success, seed.Error);

        var score = await CliRun.RunAsync("score", folder.Override);

        Assert.Equal(ExitCodes.Refused, score.ExitCode);
        Assert.Contains("No churn model is trained yet — run `loyalty train` first.", score.Error);
        await using var context = folder.Factory().CreateDbContext();
        Assert.Equal(0, await context.ScoringRuns.CountAsync());
    }

    [Fact]
    public async Task Training_with_too_few_customers_keeps_no_churn_model_and_says_why_with_exit_code_3()
    {
        using var folder = new TempDataFolder();
        var seed = await CliRun.RunAsync("seed", "-n", "80", "--seed", "5", "--from", "2025-07-01", "--to", "2026-06-30", folder.Override);
        Assert.True(seed.ExitCode == ExitCodes.Success, seed.Error);

        var train = await CliRun.RunAsync("train", folder.Override);

        Assert.Equal(ExitCodes.Refused, train.ExitCode);
        Assert.Contains("The churn model was not trained", train.Error);
        Assert.Contains("training needs at least 500", train.Error);
        await using var context = folder.Factory().CreateDbContext();
        Assert.Equal(0, await context.ModelVersions.CountAsync(m => m.Kind == ModelKind.Churn));
    }

    [Theory]
    [InlineData("--horizon", "0", "--horizon must be between 1 and 730 days, not 0.")]
    [InlineData("--cutoff", "2026-13-01", "--cutoff must be a date written yyyy-MM-dd, not '2026-13-01'.")]
    public async Task Bad_training_options_are_refused_by_name_with_exit_code_1(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("train", option, value);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task Risk_thresholds_that_cannot_work_stop_scoring_with_a_message_naming_the_setting()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("score", folder.Override, "--Scoring:MediumRiskFrom=80", "--Scoring:HighRiskFrom=70");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Scoring:MediumRiskFrom/HighRiskFrom", run.Error);
        Assert.Contains("(70) must be above the medium one (80)", run.Error);
    }

    [Fact]
    public async Task A_display_culture_this_machine_does_not_know_stops_scoring_naming_the_setting()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("score", folder.Override, "--Display:Culture=xx-NOPE");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Display:Culture 'xx-NOPE' is not a culture", run.Error);
    }

    private static class ScoringStagesNames
    {
        public const string Publish = "publish";
    }
}

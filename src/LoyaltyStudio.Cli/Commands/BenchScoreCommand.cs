using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Scoring;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty bench score</c>: on the configured database, times training (churn and lifetime value), one full scoring
/// run end to end with its stages, and the churn model alone scoring the whole feature table in batch.
/// </summary>
internal static class BenchScoreCommand
{
    /// <summary>The goals from the issue.</summary>
    public const double FullRunGoalSeconds = 30;
    public const double ChurnGoalCustomersPerSecond = 500_000;
    public const double TrainingGoalSeconds = 30;

    // Batch scoring is repeated until it has run this long, so the rate is not a measurement of a timer's resolution.
    private static readonly TimeSpan MinimumScoringTime = TimeSpan.FromSeconds(2);

    public static Command Create(CliContext cli)
    {
        var command = new Command("score", "Train the models (new versions, activated when they pass their bars), run one full scoring " +
            "and time the churn model alone in batch, on the database the settings point at; print the figures against the goals " +
            "(full run under 30 s, churn at 500,000 customers/s or more, training under 30 s for 100,000 customers).");
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async services =>
        {
            var scoring = await ScoringCli.OpenAsync(services, ScoringCli.OptionsFrom(services), cancellationToken);
            var console = ScoringCli.Console(cli.Out);
            await cli.Out.WriteLineAsync($"Database: {DatabaseSchema.Describe(scoring.Factory)}");
            try
            {
                var trainClock = Stopwatch.StartNew();
                var outcome = await scoring.Trainer.TrainAsync(null, scoring.Options, "bench", null, cancellationToken);
                var trainSeconds = trainClock.Elapsed.TotalSeconds;
                foreach (var reason in new[] { outcome.ChurnModel.Reason, outcome.LifetimeValueModel.Reason }.OfType<string>())
                    await cli.Error.WriteLineAsync(reason);

                var runClock = Stopwatch.StartNew();
                var run = await scoring.Runner.RunFullAsync("bench", null, cancellationToken);
                var runSeconds = runClock.Elapsed.TotalSeconds;

                var (customers, rate) = await ChurnBatchRateAsync(scoring, run.Cutoff, cancellationToken);

                var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Figure").RightAligned()).AddColumn("Goal");
                table.AddRow("Training, all models (churn + lifetime value), s", F(trainSeconds, "0.0"), "");
                if (outcome.Churn is { } churn)
                {
                    // The goal is about the churn model: its features at both cut-offs, both algorithms, calibration, refit.
                    var churnSeconds = churn.FeatureSeconds + churn.TrainSeconds;
                    table.AddRow("  churn model, features + fit, s", F(churnSeconds, "0.0"), Goal(churnSeconds <= TrainingGoalSeconds, "< 30 s"));
                    table.AddRow($"    of which fitting ({churn.Algorithm} kept), s", F(churn.TrainSeconds, "0.0"), "");
                }
                table.AddRow($"Full scoring run ({run.CustomersScored:N0} customers), s", F(runSeconds, "0.0"), Goal(runSeconds <= FullRunGoalSeconds, "< 30 s"));
                foreach (var (stage, seconds) in run.StageSeconds)
                    table.AddRow("  " + stage, F(seconds, "0.00"), "");
                table.AddRow($"Churn batch scoring ({customers:N0} customers), customers/s", F(rate, "N0"),
                    Goal(rate >= ChurnGoalCustomersPerSecond, "≥ 500,000/s"));
                console.Write(table);
                return ExitCodes.Success;
            }
            catch (ScoringNotReadyException e)
            {
                await cli.Error.WriteLineAsync($"Error: {e.Message}");
                return ExitCodes.Refused;
            }
        }));
        return command;
    }

    private static async Task<(int Customers, double PerSecond)> ChurnBatchRateAsync(ScoringCli scoring, DateTime cutoff, CancellationToken cancellationToken)
    {
        var active = await scoring.Registry.GetActiveAsync(ModelKind.Churn, cancellationToken)
            ?? throw new ScoringNotReadyException(ActiveModels.NoChurnModel);
        var model = ChurnModel.FromBytes(active.Artifact);
        var table = await scoring.Features.BuildAsync(cutoff, null, cancellationToken);
        model.PredictProbabilities(table); // warm-up: the first call loads the native trees
        var clock = Stopwatch.StartNew();
        long scored = 0;
        while (clock.Elapsed < MinimumScoringTime)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scored += model.PredictProbabilities(table).Length;
        }
        return (table.Count, scored / clock.Elapsed.TotalSeconds);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Goal(bool met, string goal) => (met ? "[green]met[/] " : "[red]missed[/] ") + Markup.Escape(goal);
}

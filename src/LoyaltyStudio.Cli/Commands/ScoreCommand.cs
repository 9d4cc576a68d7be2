using System.CommandLine;
using System.Globalization;
using LoyaltyStudio.Intelligence.Scoring;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary><c>loyalty score</c>: a full scoring run (or an incremental one for customers marked for re-scoring) made current at the end.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext cli)
    {
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Re-score only the customers marked for re-scoring (by the ingestion API) and copy the rest of the current run.",
        };
        var train = new Option<bool>("--train")
        {
            Description = "Train the models first when no churn or lifetime-value model is active yet.",
        };
        var command = new Command("score", "Score customers with the active models: features → churn → lifetime value → RFM → " +
            "micro-segments → one snapshot, made current atomically at the end (a failed or cancelled run leaves the previous one current).")
        {
            incremental, train,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async services =>
        {
            var scoring = await ScoringCli.OpenAsync(services, ScoringCli.OptionsFrom(services), cancellationToken);
            var console = ScoringCli.Console(cli.Out);
            try
            {
                if (parse.GetValue(train) && !await HasModelsAsync(scoring, cancellationToken))
                {
                    var outcome = await ScoringCli.WithProgressAsync(console,
                        p => scoring.Trainer.TrainAsync(null, scoring.Options, Environment.UserName, p, cancellationToken));
                    foreach (var reason in new[] { outcome.ChurnModel.Reason, outcome.LifetimeValueModel.Reason }.OfType<string>())
                        await cli.Error.WriteLineAsync(reason);
                }
                var result = await ScoringCli.WithProgressAsync(console, async p => parse.GetValue(incremental)
                    ? await scoring.Runner.RunIncrementalAsync(Environment.UserName, p, cancellationToken)
                    : await scoring.Runner.RunFullAsync(Environment.UserName, p, cancellationToken));
                if (result is null)
                {
                    await cli.Out.WriteLineAsync("No customer is marked for re-scoring; the current run stays as it is.");
                    return ExitCodes.Success;
                }
                Print(console, result);
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

    private static async Task<bool> HasModelsAsync(ScoringCli scoring, CancellationToken cancellationToken) =>
        await scoring.Registry.GetActiveAsync(Domain.Scoring.ModelKind.Churn, cancellationToken) is not null
        && await scoring.Registry.GetActiveAsync(Domain.Scoring.ModelKind.LifetimeValue, cancellationToken) is not null;

    internal static void Print(IAnsiConsole console, ScoringRunResult result)
    {
        var carried = result.CustomersCopied > 0 ? FormattableString.Invariant($", {result.CustomersCopied:N0} carried over.") : ".";
        console.WriteLine(FormattableString.Invariant(
            $"Scoring run {result.RunId} ({result.Kind}, cut-off {result.Cutoff:yyyy-MM-dd}) is current: {result.CustomersScored:N0} customers scored{carried}"));
        var table = new Table().AddColumn("Stage").AddColumn(new TableColumn("Seconds").RightAligned());
        foreach (var (stage, seconds) in result.StageSeconds)
            table.AddRow(stage, seconds.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{result.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)}[/]");
        console.Write(table);
    }
}

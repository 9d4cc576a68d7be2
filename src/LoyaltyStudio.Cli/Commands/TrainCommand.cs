using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LoyaltyStudio.Intelligence.Scoring;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty train</c>: trains the churn model and fits the lifetime-value model on the data in the database, stores
/// them as new versions and activates those that pass their bars.
/// </summary>
internal static class TrainCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create(CliContext cli)
    {
        var cutoff = new Option<DateOnly?>("--cutoff")
        {
            Description = "Train as of this date (yyyy-MM-dd): only data before it is used. Default: the day after the latest order.",
            HelpName = DateFormat,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return date;
                result.AddError($"--cutoff must be a date written {DateFormat}, not '{text}'.");
                return null;
            },
        };
        var horizon = HorizonOption();
        var json = new Option<bool>("--json") { Description = "Print the evaluation report as one JSON object (churn, lifetimeValue, what was activated)." };
        var command = new Command("train", "Train the churn model (LightGbm and FastTree measured out of time, the better kept) and fit " +
            "BG/NBD + Gamma-Gamma on the data in the database; store both as new model versions and activate each only if it " +
            "passes its bar (churn: AUC above the recency-only baseline; lifetime value: the fits converged).") { cutoff, horizon, json };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async services =>
        {
            var options = ScoringCli.OptionsFrom(services);
            // --horizon wins over Scoring:HorizonDays only when given.
            if (parse.GetResult(horizon) is { Implicit: false })
                options.HorizonDays = parse.GetValue(horizon);
            var scoring = await ScoringCli.OpenAsync(services, options, cancellationToken);
            var at = parse.GetValue(cutoff) is { } date ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : (DateTime?)null;
            var asJson = parse.GetValue(json);
            TrainingOutcome outcome;
            try
            {
                outcome = asJson
                    ? await scoring.Trainer.TrainAsync(at, options, Environment.UserName, null, cancellationToken)
                    : await ScoringCli.WithProgressAsync(ScoringCli.Console(cli.Out),
                        progress => scoring.Trainer.TrainAsync(at, options, Environment.UserName, progress, cancellationToken));
            }
            catch (ScoringNotReadyException e)
            {
                await cli.Error.WriteLineAsync($"Error: {e.Message}");
                return ExitCodes.Refused;
            }

            if (asJson)
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(outcome));
            else
                Print(ScoringCli.Console(cli.Out), outcome);
            foreach (var reason in new[] { outcome.ChurnModel.Reason, outcome.LifetimeValueModel.Reason }.OfType<string>())
                await cli.Error.WriteLineAsync(reason);
            return outcome.ChurnModel.Activated && outcome.LifetimeValueModel.Activated ? ExitCodes.Success : ExitCodes.Refused;
        }));
        return command;
    }

    internal static Option<int> HorizonOption()
    {
        var horizon = new Option<int>("--horizon")
        {
            Description = "Churn horizon in days: a customer churned when they bought nothing in this many days after the cut-off.",
            DefaultValueFactory = _ => 90,
        };
        horizon.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 730)
                r.AddError($"--horizon must be between 1 and 730 days, not {r.GetValueOrDefault<int>()}.");
        });
        return horizon;
    }

    private static void Print(IAnsiConsole console, TrainingOutcome outcome)
    {
        var table = new Table().AddColumn("Model").AddColumn("Figures").AddColumn("Version");
        if (outcome.Churn is { } churn)
        {
            table.AddRow("Churn (" + churn.Algorithm + ")",
                Markup.Escape(FormattableString.Invariant(
                    $"AUC {churn.Auc:0.000} (recency baseline {churn.BaselineAuc:0.000}), PR AUC {churn.PrAuc:0.000}, Brier {churn.Brier:0.000}, lift {churn.LiftTopDecile:0.00}, trained in {churn.TrainSeconds:0.0} s")),
                Version(outcome.ChurnModel));
        }
        else
        {
            table.AddRow("Churn", "not trained", Version(outcome.ChurnModel));
        }
        if (outcome.LifetimeValue is { } ltv)
        {
            table.AddRow("Lifetime value",
                Markup.Escape(FormattableString.Invariant(
                    $"r {ltv.R:0.###}, α {ltv.Alpha:0.###}, a {ltv.A:0.###}, b {ltv.B:0.###}; p {ltv.P:0.###}, q {ltv.Q:0.###}, γ {ltv.Gamma:0.###} ({ltv.Customers:N0} customers, periods of {ltv.PeriodDays} days)")),
                Version(outcome.LifetimeValueModel));
        }
        else
        {
            table.AddRow("Lifetime value", "not fitted", Version(outcome.LifetimeValueModel));
        }
        table.Caption($"Trained as of {outcome.LatestDate:yyyy-MM-dd}");
        console.Write(table);
    }

    private static string Version(TrainedModel model) => model.Version is { } v
        ? $"v{v}{(model.Activated ? " (active)" : " (stored, not active)")}"
        : "–";
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty models list|activate|rollback</c>: the model registry from the command line — which versions exist, how
/// well each did, which one scores; switch to another version or back to the previous one.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("models", "List the stored model versions, activate one, or roll back to the previous one.");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Activate(cli));
        command.Subcommands.Add(RollBack(cli));
        return command;
    }

    private static Option<ModelKind?> KindOption(bool required)
    {
        var names = string.Join(", ", Enum.GetNames<ModelKind>());
        return new Option<ModelKind?>("--kind")
        {
            Description = $"Which model: {names}.",
            Required = required,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<ModelKind>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var kind)
                    && Enum.IsDefined(kind) && !int.TryParse(text, out _))
                    return kind;
                result.AddError($"--kind must be one of {names}, not '{text}'.");
                return null;
            },
        };
    }

    private static Command List(CliContext cli)
    {
        var kind = KindOption(required: false);
        var command = new Command("list", "Every stored model version, newest first, with its quality and whether it is active.") { kind };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async services =>
        {
            var scoring = await ScoringCli.OpenAsync(services, ScoringCli.OptionsFrom(services), cancellationToken);
            var versions = await scoring.Registry.ListAsync(parse.GetValue(kind), cancellationToken);
            if (versions.Count == 0)
            {
                await cli.Out.WriteLineAsync("No model versions yet: run `loyalty train`.");
                return ExitCodes.Success;
            }
            // One line per version (no table): it stays whole in a narrow terminal and in a log or a pipe.
            foreach (var v in versions)
            {
                await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{v.Kind} v{v.Version}{(v.IsActive ? "  ACTIVE" : "")}  {v.Algorithm}  {Quality(v.MetricsJson)}  " +
                    $"trained on {v.TrainingWindowStart:yyyy-MM-dd} – {v.TrainingWindowEnd:yyyy-MM-dd}  created {v.CreatedAt:yyyy-MM-dd HH:mm} by {v.CreatedBy}"));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Activate(CliContext cli)
    {
        var kind = KindOption(required: true);
        var version = new Option<int>("--version") { Description = "The version number to make active (see `loyalty models list`).", Required = true };
        var command = new Command("activate", "Make one stored version the active model of its kind; the next scoring run uses it.") { kind, version };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(services =>
            SwitchAsync(cli, services, registry => registry.ActivateAsync(parse.GetValue(kind)!.Value, parse.GetValue(version), cancellationToken), cancellationToken)));
        return command;
    }

    private static Command RollBack(CliContext cli)
    {
        var kind = KindOption(required: true);
        var command = new Command("rollback", "Activate the newest version older than the active one.") { kind };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(services =>
            SwitchAsync(cli, services, registry => registry.RollBackAsync(parse.GetValue(kind)!.Value, cancellationToken), cancellationToken)));
        return command;
    }

    private static async Task<int> SwitchAsync(CliContext cli, IServiceProvider services,
        Func<ModelVersionRegistry, Task<ModelVersionInfo>> change, CancellationToken cancellationToken)
    {
        var scoring = await ScoringCli.OpenAsync(services, ScoringCli.OptionsFrom(services), cancellationToken);
        try
        {
            var active = await change(scoring.Registry);
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{active.Kind} v{active.Version} ({active.Algorithm}, {Quality(active.MetricsJson)}) is now active; the next scoring run uses it."));
            return ExitCodes.Success;
        }
        catch (DomainException e)
        {
            await cli.Error.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.Refused;
        }
    }

    /// <summary>The headline figure of a version's stored report: the churn AUC beside its baseline, or the BTYD log-likelihood.</summary>
    internal static string Quality(string metricsJson)
    {
        try
        {
            using var report = JsonDocument.Parse(metricsJson);
            var root = report.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return "";
            if (Number(root, "auc") is { } auc)
            {
                var baseline = Number(root, "baselineAuc");
                return baseline is { } b
                    ? string.Create(CultureInfo.InvariantCulture, $"AUC {auc:0.000} (recency alone {b:0.000})")
                    : string.Create(CultureInfo.InvariantCulture, $"AUC {auc:0.000}");
            }
            return Number(root, "logLikelihood") is { } ll ? string.Create(CultureInfo.InvariantCulture, $"log-likelihood {ll:0.0}") : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

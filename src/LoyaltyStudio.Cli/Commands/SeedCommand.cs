using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty seed</c>: migrates, then fills an empty database with the behavioural simulator's deterministic data set
/// (parameters overridable with <c>--set name=value</c>).
/// </summary>
internal static class SeedCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create(CliContext cli)
    {
        var customers = new Option<int>("--customers", "-n")
        {
            Description = "Number of customers to generate (at least 1).",
            DefaultValueFactory = _ => 5000,
        };
        customers.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError($"--customers must be at least 1, not {r.GetValueOrDefault<int>()}.");
        });
        var seed = new Option<int>("--seed", "-s") { Description = "Random seed; the same seed and dates give the same data.", DefaultValueFactory = _ => 42 };
        var months = new Option<int>("--months", "-m")
        {
            Description = "Months of history ending today (ignored when --from and --to are given).",
            DefaultValueFactory = _ => 18,
        };
        months.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 120)
                r.AddError($"--months must be between 1 and 120, not {r.GetValueOrDefault<int>()}.");
        });
        var from = DateOption("--from", "First day of history (yyyy-MM-dd); use with --to.");
        var to = DateOption("--to", "Last day of history, inclusive (yyyy-MM-dd); use with --from.");
        var set = new Option<string[]>("--set")
        {
            Description = "Override a simulation parameter, name=value (repeatable), e.g. --set alpha=10 --set campaigns=0. " +
                "Names: r, alpha, a, b (BG/NBD, days), p, q, gamma (Gamma-Gamma spend), preferenceShiftShare, checkoutDropOutStep, " +
                "engagementFadeDays, supportContactRate, badContactDropoutMultiplier, campaigns, campaignAudienceShare, holdoutShare, " +
                "offerWindowDays, responseShares. See README, \"The simulator\".",
            HelpName = "name=value",
            Arity = ArgumentArity.ZeroOrMore,
        };
        set.Validators.Add(r =>
        {
            try
            {
                SimulationParameters.WithOverrides(r.GetValueOrDefault<string[]>() ?? []);
            }
            catch (InvalidOperationException ex)
            {
                r.AddError("--set: " + ex.Message);
            }
        });

        var command = new Command("seed", "Apply migrations, then simulate customers, orders, events, support contacts, points and " +
            "past campaigns with recorded ground truth into an empty database, in one transaction.")
        {
            customers, seed, months, from, to, set,
        };
        command.Validators.Add(r =>
        {
            // Read the tokens rather than the values: a date that did not parse already has its own error.
            var start = r.GetResult(from);
            var end = r.GetResult(to);
            if ((start is null) != (end is null))
                r.AddError("Give both --from and --to, or neither (then --months of history end today).");
            else if (ParseDate(start) is { } first && ParseDate(end) is { } last && first >= last)
                r.AddError($"--from ({first:yyyy-MM-dd}) must be before --to ({last:yyyy-MM-dd}).");
        });

        command.SetAction((parse, cancellationToken) => cli.RunAsync(async services =>
        {
            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var request = parse.GetValue(from) is { } start && parse.GetValue(to) is { } end
                ? new GenerationRequest(parse.GetValue(customers), parse.GetValue(seed), start, end)
                : GenerationRequest.EndingOn(today, parse.GetValue(customers), parse.GetValue(seed), parse.GetValue(months));
            request = request with { Parameters = SimulationParameters.WithOverrides(parse.GetValue(set) ?? []) };
            return await RunAsync(services, cli, request, cancellationToken);
        }));
        return command;
    }

    private static DateOnly? ParseDate(OptionResult? result) =>
        result is { Tokens.Count: > 0 }
        && DateOnly.TryParseExact(result.Tokens[0].Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = DateFormat,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            result.AddError($"{name} must be a date written {DateFormat}, not '{text}'.");
            return null;
        },
    };

    private static async Task<int> RunAsync(IServiceProvider services, CliContext cli, GenerationRequest request, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<LoyaltyDbContextFactory>();
        await cli.Out.WriteLineAsync($"Database: {DatabaseSchema.Describe(factory)}");
        var applied = await DatabaseSchema.MigrateAsync(factory, cancellationToken);
        if (applied.Count > 0)
            await cli.Out.WriteLineAsync($"Applied migrations: {string.Join(", ", applied)}");

        await using (var context = factory.CreateDbContext())
        {
            var existing = await context.Customers.CountAsync(cancellationToken);
            if (existing > 0)
            {
                await cli.Error.WriteLineAsync(
                    $"Error: the database already holds {existing} customers; seed only fills an empty database. " +
                    "Use another Database:DataFolder (or ConnectionStrings:Loyalty), or remove the database file.");
                return ExitCodes.Refused;
            }
        }

        await cli.Out.WriteLineAsync(
            $"Generating {request.Customers} customers, seed {request.Seed}, {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}");
        await cli.Out.WriteLineAsync($"Parameters: {(request.Parameters ?? new SimulationParameters()).ToJson()}");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Out) });
        var generator = services.GetRequiredService<ILoyaltyDataGenerator>();
        // A live bar in a terminal. Written to a file or pipe, Spectre.Console would print a percentage at most once a
        // second and nothing for a run shorter than that, so there each stage and each tenth of the customers is a line.
        var summary = console.Profile.Capabilities.Interactive
            ? await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Customers", autoStart: true, maxValue: request.Customers);
                    return await generator.GenerateAsync(request, new ProgressBar(task), cancellationToken);
                })
            : await generator.GenerateAsync(request, new ProgressLines(cli.Out), cancellationToken);
        console.Write(SummaryTable(summary));
        return ExitCodes.Success;
    }

    private static Table SummaryTable(GenerationSummary s)
    {
        var table = new Table().AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        (string Name, int Rows)[] rows =
        [
            ("Customers", s.Customers), ("Products", s.Products), ("Orders", s.Orders), ("Order lines", s.OrderLines),
            ("Interaction events", s.InteractionEvents), ("Support contacts", s.SupportContacts), ("Points entries", s.PointsEntries),
            ("Campaigns", s.Campaigns), ("Holdout assignments", s.HoldoutAssignments), ("Offers", s.Offers),
            ("Ground truth", s.GroundTruthRows),
        ];
        foreach (var (name, count) in rows)
            table.AddRow(name, count.ToString("N0", CultureInfo.InvariantCulture));
        var total = rows.Sum(r => (long)r.Rows);
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        table.AddRow("[bold]Total[/]", $"[bold]{total.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        table.Caption($"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s, " +
            $"{(total / seconds).ToString("N0", CultureInfo.InvariantCulture)} rows/s");
        return table;
    }

    /// <summary>Progress as plain lines ("Writing customers: 2,000/5,000 customers"): at each new stage and each tenth.</summary>
    private sealed class ProgressLines(TextWriter output) : IProgress<GenerationProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;
        private int _tenth = -1;

        public void Report(GenerationProgress value)
        {
            var tenth = value.CustomersTotal <= 0 ? 10 : value.CustomersDone * 10 / value.CustomersTotal;
            lock (_gate)
            {
                if (value.Stage == _stage && tenth == _tenth)
                    return;
                _stage = value.Stage;
                _tenth = tenth;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{value.Stage}: {value.CustomersDone:N0}/{value.CustomersTotal:N0} customers"));
            }
        }
    }

    /// <summary>Feeds the generator's progress into the Spectre.Console bar.</summary>
    private sealed class ProgressBar(ProgressTask task) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            task.Description = value.Stage;
            task.Value = value.CustomersDone;
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LoyaltyStudio.Intelligence.Lifetime;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty fit btyd</c>: fits BG/NBD (all customers) and Gamma-Gamma (repeat customers, when spend is given) by maximum
/// likelihood to a per-customer summary file, or to one built from an orders file.
/// </summary>
internal static class FitBtydCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create(CliContext cli)
    {
        var fit = new Command("fit", "Fit a model to a file and print its parameters (no database needed).");
        fit.Subcommands.Add(Btyd(cli));
        return fit;
    }

    private static Command Btyd(CliContext cli)
    {
        var summary = ExistingFile("--summary",
            "Per-customer summary CSV: customer_id,frequency,recency,T[,monetary_value] (or the CDNOW names ID,x,t_x,T,zbar); " +
            "times in any one unit.");
        var orders = ExistingFile("--orders",
            "Orders file to summarise first: CSV with customer_id,date,amount, or the CDNOW_master layout (see --format).");
        var format = new Option<PurchaseFileFormat>("--format")
        {
            Description = "Layout of --orders: auto (commas → csv, else cdnow), csv, or cdnow.",
            DefaultValueFactory = _ => PurchaseFileFormat.Auto,
        };
        var periodDays = new Option<double>("--period-days")
        {
            Description = "Days per period when summarising --orders (7 = weeks); purchases in the same period count once.",
            DefaultValueFactory = _ => 7,
        };
        periodDays.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var d && (!(d > 0) || double.IsInfinity(d)))
                r.AddError($"--period-days must be a positive number of days, not {d.ToString(CultureInfo.InvariantCulture)}.");
        });
        var end = new Option<DateOnly?>("--end")
        {
            Description = "Last day of observation for --orders (yyyy-MM-dd); later purchases are ignored. Default: the last purchase day.",
            HelpName = DateFormat,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return date;
                result.AddError($"--end must be a date written {DateFormat}, not '{text}'.");
                return null;
            },
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };

        var command = new Command("btyd", "Fit BG/NBD and Gamma-Gamma by maximum likelihood and print parameters and log-likelihoods. " +
            "Exit code 3 when the file's content is invalid or the fit does not converge.")
        {
            summary, orders, format, periodDays, end, json,
        };
        command.Validators.Add(r =>
        {
            var hasSummary = r.GetResult(summary) is not null;
            var hasOrders = r.GetResult(orders) is not null;
            if (hasSummary == hasOrders)
                r.AddError("Give exactly one of --summary or --orders.");
            else if (hasSummary && (r.GetResult(end) is not null || r.GetResult(format) is { Implicit: false }))
                r.AddError("--end and --format apply to --orders only.");
        });
        command.SetAction((parse, _) => RunAsync(cli, new Request(
            parse.GetValue(summary)?.FullName,
            parse.GetValue(orders)?.FullName,
            parse.GetValue(format),
            parse.GetValue(periodDays),
            parse.GetValue(end),
            parse.GetValue(json))));
        return command;
    }

    private static Option<FileInfo?> ExistingFile(string name, string description)
    {
        var option = new Option<FileInfo?>(name) { Description = description, HelpName = "file" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo?>() is { Exists: false } f)
                r.AddError($"{name}: the file {f.FullName} does not exist.");
        });
        return option;
    }

    private sealed record Request(string? Summary, string? Orders, PurchaseFileFormat Format, double PeriodDays, DateOnly? End, bool Json);

    private static async Task<int> RunAsync(CliContext cli, Request request)
    {
        IReadOnlyList<CustomerSummary> customers;
        BgNbdFit purchases;
        GammaGammaFit? spend = null;
        var withoutSpend = 0;
        try
        {
            customers = request.Summary is { } path ? SummaryFileReader.Read(path) : Summarise(request);
            purchases = BgNbdModel.Fit(customers);
            // Repeat customers whose purchases were all free (CDNOW has some) carry no information for a positive-spend
            // model; they are left out of Gamma-Gamma and counted in the report rather than failing the whole fit.
            var repeat = GammaGammaModel.RepeatCustomers(customers);
            var spenders = repeat.Where(c => c.MonetaryValue > 0).ToList();
            withoutSpend = repeat.Count - spenders.Count;
            if (repeat.Count > 0)
                spend = GammaGammaModel.Fit(spenders);
        }
        catch (Exception ex) when (ex is InvalidDataException or BtydFitException or ArgumentException or IOException)
        {
            await cli.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Refused;
        }

        if (request.Json)
            await cli.Out.WriteLineAsync(JsonSerializer.Serialize(JsonReport(purchases, spend, withoutSpend)));
        else
            Print(cli, customers.Count, purchases, spend, withoutSpend);
        return ExitCodes.Success;
    }

    private static IReadOnlyList<CustomerSummary> Summarise(Request request)
    {
        var purchases = PurchaseFileReader.Read(request.Orders!, request.Format);
        var end = request.End ?? DateOnly.FromDateTime(purchases.Max(p => p.Timestamp));
        return new CustomerSummaryBuilder(request.PeriodDays, end).Build(purchases);
    }

    /// <summary>
    /// The --json shape: r, alpha, a, b, logLikelihood and customers for BG/NBD; p, q, gamma, spendLogLikelihood and
    /// spendCustomers for Gamma-Gamma (null when the input has no spend), and spendExcluded: repeat customers left out
    /// of Gamma-Gamma because their mean spend is not positive.
    /// </summary>
    private static Dictionary<string, object?> JsonReport(BgNbdFit purchases, GammaGammaFit? spend, int withoutSpend) => new()
    {
        ["r"] = purchases.Parameters.R,
        ["alpha"] = purchases.Parameters.Alpha,
        ["a"] = purchases.Parameters.A,
        ["b"] = purchases.Parameters.B,
        ["logLikelihood"] = purchases.LogLikelihood,
        ["customers"] = purchases.Customers,
        ["p"] = spend?.Parameters.P,
        ["q"] = spend?.Parameters.Q,
        ["gamma"] = spend?.Parameters.Gamma,
        ["spendLogLikelihood"] = spend?.LogLikelihood,
        ["spendCustomers"] = spend?.Customers,
        ["spendExcluded"] = withoutSpend,
    };

    private static void Print(CliContext cli, int customers, BgNbdFit purchases, GammaGammaFit? spend, int withoutSpend)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Out) });
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var p = purchases.Parameters;
        console.Write(new Table().Title($"BG/NBD ({customers} customers)").AddColumn("Parameter").AddColumn(new TableColumn("Value").RightAligned())
            .AddRow("r", F(p.R)).AddRow("alpha", F(p.Alpha)).AddRow("a", F(p.A)).AddRow("b", F(p.B))
            .AddRow("log-likelihood", F(purchases.LogLikelihood)));
        if (spend is null)
        {
            console.WriteLine("Gamma-Gamma: not fitted (the input has no spend).");
            return;
        }

        var s = spend.Parameters;
        console.Write(new Table().Title($"Gamma-Gamma ({spend.Customers} repeat customers)").AddColumn("Parameter")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddRow("p", F(s.P)).AddRow("q", F(s.Q)).AddRow("gamma", F(s.Gamma))
            .AddRow("log-likelihood", F(spend.LogLikelihood)));
        if (withoutSpend > 0)
            console.WriteLine($"Gamma-Gamma left out {withoutSpend} repeat customers whose mean spend is not positive.");
    }
}

using System.CommandLine;
using System.Globalization;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary><c>loyalty import customers|products|orders|events|support FILE</c>: the CSV importer from the command line.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("import", "Import a CSV file (header-based columns, see README 'Importing data'). All-or-nothing " +
            "unless --skip-invalid; re-importing the same file changes nothing. Exit code 3 when the file or a row is invalid.");
        foreach (var kind in Enum.GetValues<ImportKind>())
            command.Subcommands.Add(KindCommand(cli, kind));
        return command;
    }

    private static Command KindCommand(CliContext cli, ImportKind kind)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (UTF-8, with a header line)." };
        file.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo>() is { Exists: false } f)
                r.AddError($"The file {f.FullName} does not exist.");
        });
        var delimiter = new Option<string?>("--delimiter", "-d") { Description = "Field delimiter, ',' or ';' (detected from the header when left out)." };
        delimiter.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } d && d is not ("," or ";" or "\t" or "|"))
                r.AddError($"--delimiter must be one character: ',' or ';' (or a tab or '|'), not '{d}'.");
        });
        var dateFormats = new Option<string[]>("--date-format")
        {
            Description = "Date format(s), invariant culture, e.g. \"M/d/yyyy H:mm\"; repeat for several. Default: yyyy-MM-dd and yyyy-MM-dd HH:mm:ss.",
            AllowMultipleArgumentsPerToken = false,
        };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Write the valid rows and put the invalid ones in the rejects file." };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Rejects file for --skip-invalid (default: FILE.rejects.csv)." };
        var createCustomers = new Option<bool>("--create-missing-customers")
        {
            Description = "Orders for unknown customer ids create a minimal customer (just the id) instead of being rejected.",
        };
        var command = new Command(kind.ToString().ToLowerInvariant(), $"Import {kind.ToString().ToLowerInvariant()} from a CSV file.")
        {
            file, delimiter, dateFormats, skipInvalid, rejects,
        };
        if (kind == ImportKind.Orders)
            command.Options.Add(createCustomers);
        command.Validators.Add(r =>
        {
            if (r.GetResult(rejects) is not null && r.GetResult(skipInvalid) is null)
                r.AddError("--rejects only applies with --skip-invalid.");
        });
        command.SetAction((parse, cancellationToken) => cli.RunAsync(services =>
        {
            var options = new CsvImportOptions
            {
                Delimiter = parse.GetValue(delimiter) is { Length: 1 } d ? d[0] : null,
                DateFormats = parse.GetValue(dateFormats) is { Length: > 0 } formats ? formats : CsvImportOptions.DefaultDateFormats,
                SkipInvalid = parse.GetValue(skipInvalid),
                RejectsPath = parse.GetValue(rejects)?.FullName,
                CreateMissingCustomers = kind == ImportKind.Orders && parse.GetValue(createCustomers),
            };
            return RunAsync(services, cli, kind, parse.GetValue(file)!.FullName, options, cancellationToken);
        }));
        return command;
    }

    /// <summary>Migrates the database if needed, imports the file with progress, prints the summary; the code <c>loyalty bench import</c> times too.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CliContext cli, ImportKind kind, string path,
        CsvImportOptions options, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<LoyaltyDbContextFactory>();
        await cli.Out.WriteLineAsync($"Database: {DatabaseSchema.Describe(factory)}");
        await DatabaseSchema.MigrateAsync(factory, cancellationToken);
        var importer = new CsvImporter(factory, services.GetRequiredService<TimeProvider>());

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Out) });
        var result = await console.Status().StartAsync($"Importing {kind.ToString().ToLowerInvariant()} from {Path.GetFileName(path)}", async ctx =>
        {
            var progress = new Progress<ImportProgress>(p => ctx.Status(
                $"Importing {kind.ToString().ToLowerInvariant()}: {p.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows read"));
            return await importer.ImportAsync(kind, path, options, progress, cancellationToken);
        });
        await ImportReport.WriteAsync(result, console, cli.Error);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Refused;
    }
}

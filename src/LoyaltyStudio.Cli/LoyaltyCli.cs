using System.CommandLine;
using LoyaltyStudio.Cli.Commands;

namespace LoyaltyStudio.Cli;

/// <summary>The <c>loyalty</c> command: its verbs, settings overrides and exit codes, callable in-process for tests.</summary>
public static class LoyaltyCli
{
    /// <summary>Runs the command line <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (settings, commandArgs) = CliHost.SplitSettings(args);
        var cli = new CliContext(output, error, settings);
        var root = new RootCommand(
            "LoyaltyStudio from the command line. Settings come from appsettings.json, environment variables " +
            "(Database__Provider, ConnectionStrings__Loyalty) and overrides such as --Database:Provider=SqlServer or " +
            "--Database:DataFolder=/path. " + ExitCodes.HelpText)
        {
            DbMigrateCommand.Create(cli),
            SeedCommand.Create(cli),
            FitBtydCommand.Create(cli),
            ImportCommand.Create(cli),
            BenchCommand.Create(cli),
            TrainCommand.Create(cli),
            ScoreCommand.Create(cli),
            ModelsCommand.Create(cli),
        };
        var parse = root.Parse(commandArgs);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}

using System.CommandLine;
using LoyaltyStudio.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Cli.Commands;

/// <summary><c>loyalty db migrate</c>: applies the migrations of the configured provider.</summary>
internal static class DbMigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Apply pending migrations to the configured database (Database:Provider, ConnectionStrings:Loyalty).");
        migrate.SetAction((parse, cancellationToken) => cli.RunAsync(services => RunAsync(services, cli, cancellationToken)));
        var db = new Command("db", "Database maintenance.");
        db.Add(migrate);
        return db;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CliContext cli, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<LoyaltyDbContextFactory>();
        await cli.Out.WriteLineAsync($"Database: {DatabaseSchema.Describe(factory)}");
        var applied = await DatabaseSchema.MigrateAsync(factory, cancellationToken);
        if (applied.Count == 0)
        {
            await cli.Out.WriteLineAsync("The schema is up to date; no migrations to apply.");
            return ExitCodes.Success;
        }
        await cli.Out.WriteLineAsync($"Applied {applied.Count} migration(s):");
        foreach (var name in applied)
            await cli.Out.WriteLineAsync($"  {name}");
        return ExitCodes.Success;
    }
}

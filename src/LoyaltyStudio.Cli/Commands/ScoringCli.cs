using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>What <c>train</c>, <c>score</c> and <c>bench score</c> share: the scoring services on the configured database, and a progress bar.</summary>
internal sealed class ScoringCli
{
    private ScoringCli(LoyaltyDbContextFactory factory, TimeProvider time, ScoringOptions options)
    {
        Factory = factory;
        Options = options;
        Features = new SqlFeatureBuilder(factory);
        Registry = new ModelVersionRegistry(factory, time);
        Runner = new ScoringRunner(factory, Features, Registry, options, time);
        Trainer = new Trainer(factory, Features, Registry);
    }

    public LoyaltyDbContextFactory Factory { get; }
    public ScoringOptions Options { get; }
    public IFeatureBuilder Features { get; }
    public ModelVersionRegistry Registry { get; }
    public ScoringRunner Runner { get; }
    public Trainer Trainer { get; }

    /// <summary>Brings the schema up to date (scores need the latest tables) and builds the services.</summary>
    public static async Task<ScoringCli> OpenAsync(IServiceProvider services, ScoringOptions options, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<LoyaltyDbContextFactory>();
        await DatabaseSchema.MigrateAsync(factory, cancellationToken);
        return new ScoringCli(factory, services.GetRequiredService<TimeProvider>(), options);
    }

    /// <summary>
    /// The scoring settings (<c>Scoring:*</c>: horizon, risk thresholds, lifetime horizon, reasons) read the same way as the web
    /// app reads them, so both score alike; a value that cannot work stops the command with a message naming the setting.
    /// </summary>
    public static ScoringOptions OptionsFrom(IServiceProvider services)
    {
        var options = new ScoringOptions();
        var configuration = services.GetRequiredService<IConfiguration>();
        configuration.GetSection(ScoringOptions.Section).Bind(options);
        options.UseDisplayCulture(configuration[ScoringOptions.CultureSetting]);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new OptionsValidationException(ScoringOptions.Section, typeof(ScoringOptions), problems);
        return options;
    }

    public static IAnsiConsole Console(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    /// <summary>Runs <paramref name="work"/> under a Spectre progress display fed by its <see cref="ScoringProgress"/> reports.</summary>
    public static Task<T> WithProgressAsync<T>(IAnsiConsole console, Func<IProgress<ScoringProgress>, Task<T>> work) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting", autoStart: true, maxValue: 1);
                var result = await work(new Bar(task));
                task.Value = task.MaxValue;
                return result;
            });

    private sealed class Bar(ProgressTask task) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value)
        {
            task.Description = value.Stage;
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}

using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>
/// Scores by itself when <c>Scoring:Enabled</c>: once at start-up when there is data but no current run (training
/// first when no model is active), a full run daily at <c>Scoring:DailyAt</c> (server local time), and every
/// <c>Scoring:IncrementalEvery</c> an incremental run when customers are marked for re-scoring. Time comes from the
/// <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed class ScoringBackgroundService(
    ScoringCoordinator coordinator,
    IOptions<ScoringScheduleOptions> options,
    TimeProvider time,
    ILogger<ScoringBackgroundService> log) : BackgroundService
{
    public const string StartUpTrigger = "schedule (start-up)";
    public const string DailyTrigger = "schedule (daily)";
    public const string IncrementalTrigger = "schedule (incremental)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            log.LogInformation("Automatic scoring is off (Scoring:Enabled is false); runs start from the Admin page only.");
            return;
        }
        var dailyAt = settings.DailyTime;
        var every = settings.IncrementalInterval;
        // Off the host's start-up path: the first database query and any training happen in the background.
        await Task.Yield();
        try
        {
            if (await coordinator.NeedsFirstRunAsync(stoppingToken))
                await RunAsync(StartUpTrigger, full: true, stoppingToken);

            var nextDaily = ScoringSchedule.NextDailyRun(time.GetUtcNow(), dailyAt, time.LocalTimeZone);
            var nextIncremental = time.GetUtcNow() + every;
            log.LogInformation("Automatic scoring: a full run daily at {DailyAt} server time (next {NextDaily:u}), incremental runs every {Every}.",
                settings.DailyAt, nextDaily, every);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = (nextDaily < nextIncremental ? nextDaily : nextIncremental) - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, stoppingToken);
                if (time.GetUtcNow() >= nextDaily)
                {
                    await RunAsync(DailyTrigger, full: true, stoppingToken);
                    nextDaily = ScoringSchedule.NextDailyRun(time.GetUtcNow(), dailyAt, time.LocalTimeZone);
                    nextIncremental = time.GetUtcNow() + every;
                }
                else if (time.GetUtcNow() >= nextIncremental)
                {
                    await RunAsync(IncrementalTrigger, full: false, stoppingToken);
                    nextIncremental = time.GetUtcNow() + every;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunAsync(string trigger, bool full, CancellationToken stoppingToken)
    {
        try
        {
            if (full)
                await coordinator.RunFullAsync(trigger, stoppingToken);
            else
                await coordinator.RunIncrementalAsync(trigger, stoppingToken);
        }
        catch (ScoringBusyException e)
        {
            log.LogInformation("Skipped the {Trigger} run: {Reason}", trigger, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Already logged and shown on the Admin page by the coordinator; the schedule goes on.
            log.LogDebug("The {Trigger} run failed; the schedule goes on.", trigger);
        }
    }
}

using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Segments.Overlap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>
/// Counts the saved audiences before anyone asks: at start (which also compiles the pages' queries), whenever a scoring
/// run finishes, and every <see cref="AudienceCountStore.RefreshEvery"/>, so that the audience list and the default
/// overlap matrix are served from memory with counts at most that old (each says when it was counted).
/// </summary>
public sealed partial class AudienceCountWarmer(AudienceSizes sizes, OverlapService overlap, IServiceProvider services, ILogger<AudienceCountWarmer> log)
    : BackgroundService
{
    private readonly SemaphoreSlim _runFinished = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var coordinator = services.GetService<IScoringCoordinator>();
        if (coordinator is not null)
            coordinator.StateChanged += OnScoringStateChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken);
                // Wakes at the next refresh time or as soon as a run finishes, whichever comes first.
                await _runFinished.WaitAsync(AudienceCountStore.RefreshEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (coordinator is not null)
                coordinator.StateChanged -= OnScoringStateChanged;
        }
    }

    public override void Dispose()
    {
        _runFinished.Dispose();
        base.Dispose();
    }

    private void OnScoringStateChanged(object? sender, EventArgs e)
    {
        if (sender is IScoringCoordinator { State.IsBusy: false } && _runFinished.CurrentCount == 0)
        {
            try
            {
                _runFinished.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another finished run already woke the warmer; one refresh covers both.
            }
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sizes.ListAsync(fresh: true, stoppingToken);
            await overlap.RefreshAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pages count what is missing themselves when the warmer could not; a failure here must not stop the app.
            LogRefreshFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the saved audiences in the background; pages will count them when asked.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>
/// Computes the churn overview before anyone asks: at start, whenever a scoring run finishes, and every
/// <see cref="CachedChurnOverview.RefreshEvery"/>, so that the first view of /churn is served from memory.
/// </summary>
public sealed partial class ChurnOverviewWarmer(CachedChurnOverview overview, IServiceProvider services, ILogger<ChurnOverviewWarmer> log)
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
                await _runFinished.WaitAsync(CachedChurnOverview.RefreshEvery, stoppingToken);
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
            await overview.RefreshAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page computes the overview itself when the warmer could not; a failure here must not stop the app.
            LogRefreshFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prepare the churn overview in the background; pages will compute it when asked.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LoyaltyStudio.Web.Features.Workspace;

/// <summary>
/// Prepares something the workspace pages serve from memory before anyone asks: at start, whenever a scoring run finishes
/// (<see cref="IScoringCoordinator.StateChanged"/>), and every <paramref name="every"/>. A failed preparation is logged
/// and must not stop the app: the pages compute what is missing themselves.
/// </summary>
public abstract class ScoringRunWarmer(IServiceProvider services, TimeSpan every) : BackgroundService
{
    private readonly SemaphoreSlim _runFinished = new(0, 1);

    /// <summary>Computes and keeps what the pages will ask for.</summary>
    protected abstract Task WarmAsync(CancellationToken cancellationToken);

    /// <summary>Records that <see cref="WarmAsync"/> failed.</summary>
    protected abstract void LogWarmFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var coordinator = services.GetService<IScoringCoordinator>();
        if (coordinator is not null)
            coordinator.StateChanged += OnScoringStateChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await TryWarmAsync(stoppingToken);
                // Wakes at the next refresh time or as soon as a run finishes, whichever comes first.
                await _runFinished.WaitAsync(every, stoppingToken);
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
        GC.SuppressFinalize(this);
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

    private async Task TryWarmAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWarmFailed(e);
        }
    }
}

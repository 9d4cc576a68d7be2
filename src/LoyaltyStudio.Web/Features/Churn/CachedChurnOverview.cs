using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>
/// The overview kept in memory per current run. A run's scores never change, so the expensive part (three passes over
/// every score of the run) is done once per run and refreshed by <see cref="ChurnOverviewWarmer"/> every
/// <see cref="RefreshEvery"/>, which also picks up changes of consent, tier and tenure between runs. A new current run
/// has a new key, so its first view never shows the previous run. The model report is cheap and is read each time.
/// </summary>
public sealed class CachedChurnOverview(ChurnOverviewService inner, IDbContextFactory<LoyaltyDbContext> contexts, IMemoryCache cache) : IChurnOverviewService
{
    /// <summary>How often the warmer recomputes the current run's overview.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);

    /// <summary>An overview older than this is recomputed on the next view if the warmer has not done so.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(15);

    public async Task<ChurnOverview?> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        var runId = await CurrentRunIdAsync(cancellationToken);
        if (runId is null)
            return null;
        if (cache.TryGetValue(Key(runId.Value), out ChurnOverview? cached) && cached is not null)
            return cached;
        return await RefreshAsync(cancellationToken);
    }

    public Task<ChurnModelReport?> GetModelReportAsync(CancellationToken cancellationToken = default) => inner.GetModelReportAsync(cancellationToken);

    /// <summary>Recomputes the current run's overview and keeps it; null (and nothing kept) before the first run.</summary>
    public async Task<ChurnOverview?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var overview = await inner.GetOverviewAsync(cancellationToken);
        if (overview is not null)
            cache.Set(Key(overview.Run.Id), overview, KeepFor);
        return overview;
    }

    private async Task<long?> CurrentRunIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Key(long runId) => $"churn-overview:{runId}";
}

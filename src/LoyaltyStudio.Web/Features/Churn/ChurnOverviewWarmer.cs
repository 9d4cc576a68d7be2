using LoyaltyStudio.Web.Features.Workspace;
using Microsoft.Extensions.Logging;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>
/// Computes the churn overview before anyone asks: at start, whenever a scoring run finishes, and every
/// <see cref="CachedChurnOverview.RefreshEvery"/>, so that the first view of /churn is served from memory.
/// </summary>
public sealed partial class ChurnOverviewWarmer(CachedChurnOverview overview, IServiceProvider services, ILogger<ChurnOverviewWarmer> log)
    : ScoringRunWarmer(services, CachedChurnOverview.RefreshEvery)
{
    protected override Task WarmAsync(CancellationToken cancellationToken) => overview.RefreshAsync(cancellationToken);

    protected override void LogWarmFailed(Exception exception) => LogRefreshFailed(log, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prepare the churn overview in the background; pages will compute it when asked.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

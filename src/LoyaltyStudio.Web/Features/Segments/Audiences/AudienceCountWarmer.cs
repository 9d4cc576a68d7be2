using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Features.Workspace;
using Microsoft.Extensions.Logging;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>
/// Counts the saved audiences before anyone asks: at start (which also compiles the pages' queries), whenever a scoring
/// run finishes, and every <see cref="AudienceCountStore.RefreshEvery"/>, so that the audience list and the default
/// overlap matrix are served from memory with counts at most that old (each says when it was counted).
/// </summary>
public sealed partial class AudienceCountWarmer(AudienceSizes sizes, OverlapService overlap, IServiceProvider services, ILogger<AudienceCountWarmer> log)
    : ScoringRunWarmer(services, AudienceCountStore.RefreshEvery)
{
    protected override async Task WarmAsync(CancellationToken cancellationToken)
    {
        await sizes.ListAsync(fresh: true, cancellationToken);
        await overlap.RefreshAsync(cancellationToken);
    }

    protected override void LogWarmFailed(Exception exception) => LogRefreshFailed(log, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the saved audiences in the background; pages will count them when asked.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

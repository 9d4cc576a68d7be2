using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>
/// The runs a segment page compares: the current run (scores and snapshots), the full run whose memberships it carries
/// (itself, or for an incremental run the full run it was copied from, since incremental runs do not move anyone), and
/// the full run before that (the baseline).
/// </summary>
internal sealed record ExplorerRuns(ExplorerRun Current, long MembershipRunId, ExplorerRun? Previous)
{
    public static async Task<ExplorerRuns?> FindAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent)
            .Select(r => new ExplorerRun(r.Id, r.CutoffDate, r.Kind)).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
            return null;
        var membershipRunId = current.Id;
        if (current.Kind != ScoringRunKind.Full)
        {
            membershipRunId = await FullRunsBefore(db, current.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken)
                ?? current.Id;
        }
        var previous = await FullRunsBefore(db, membershipRunId)
            .Select(r => new ExplorerRun(r.Id, r.CutoffDate, r.Kind)).FirstOrDefaultAsync(cancellationToken);
        return new ExplorerRuns(current, membershipRunId, previous);
    }

    private static IQueryable<ScoringRun> FullRunsBefore(LoyaltyDbContext db, long runId) =>
        db.ScoringRuns.AsNoTracking()
            .Where(r => r.Id < runId && r.Status == ScoringRunStatus.Succeeded && r.Kind == ScoringRunKind.Full)
            .OrderByDescending(r => r.Id);
}

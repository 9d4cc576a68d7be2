using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

public sealed partial class SegmentExplorerService
{
    private const string NewCustomersLabel = "New customers";
    private const string NotScoredLabel = "Not scored now";
    private const string NoSegmentBeforeLabel = "No segment before";
    private const string NoSegmentNowLabel = "No segment now";

    /// <summary>
    /// Inflows from the memberships of the current full run (each records the previous segment of its kind); outflows from
    /// the previous run's members of the segment, looked up one by one in the current run's scores (unique run + customer
    /// index), so neither side scans a whole run.
    /// </summary>
    private static async Task<SegmentTransitions> TransitionsAsync(LoyaltyDbContext db, ExplorerRuns runs, ExplorerRun previous,
        SegmentKind kind, long segmentId, int previousMembers, CancellationToken cancellationToken)
    {
        var current = db.SegmentMemberships.AsNoTracking().Where(m => m.ScoringRunId == runs.MembershipRunId && m.SegmentId == segmentId);
        var cameFrom = await current
            .GroupBy(m => m.PreviousSegmentId)
            .Select(g => new { From = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Members without a previous segment were either not scored by the previous run (new) or scored outside any segment.
        var scoredBefore = cameFrom.Any(c => c.From is null)
            ? await current.Where(m => m.PreviousSegmentId == null)
                .CountAsync(m => db.CustomerScores.Any(s => s.ScoringRunId == previous.Id && s.CustomerId == m.CustomerId), cancellationToken)
            : 0;

        var previousMembersNow = db.SegmentMemberships.AsNoTracking()
            .Where(m => m.ScoringRunId == previous.Id && m.SegmentId == segmentId)
            .Join(db.CustomerScores.Where(s => s.ScoringRunId == runs.Current.Id), m => m.CustomerId, s => s.CustomerId, (_, s) => s);
        var wentTo = kind == SegmentKind.Micro
            ? await previousMembersNow.GroupBy(s => s.MicroSegmentId).Select(g => new { To = g.Key, Count = g.Count() }).ToListAsync(cancellationToken)
            : await previousMembersNow.GroupBy(s => s.RfmSegmentId).Select(g => new { To = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var names = await SegmentNamesAsync(db, cameFrom.Select(c => c.From).Concat(wentTo.Select(w => w.To)), cancellationToken);
        string NameOf(long id) => names.GetValueOrDefault(id, $"Segment {id}");

        var stayed = cameFrom.Where(c => c.From == segmentId).Sum(c => c.Count);
        var inflows = cameFrom.Where(c => c.From is { } id && id != segmentId)
            .Select(c => new SegmentFlow(FlowEndKind.Segment, c.From, NameOf(c.From!.Value), c.Count))
            .ToList();
        var newcomers = cameFrom.Where(c => c.From is null).Sum(c => c.Count);
        AddIfAny(inflows, FlowEndKind.NewCustomers, NewCustomersLabel, newcomers - scoredBefore);
        AddIfAny(inflows, FlowEndKind.NoSegment, NoSegmentBeforeLabel, scoredBefore);

        var outflows = wentTo.Where(w => w.To is { } id && id != segmentId)
            .Select(w => new SegmentFlow(FlowEndKind.Segment, w.To, NameOf(w.To!.Value), w.Count))
            .ToList();
        AddIfAny(outflows, FlowEndKind.NoSegment, NoSegmentNowLabel, wentTo.Where(w => w.To is null).Sum(w => w.Count));
        AddIfAny(outflows, FlowEndKind.NotScored, NotScoredLabel, previousMembers - wentTo.Sum(w => w.Count));

        return new SegmentTransitions(stayed,
            [.. inflows.OrderByDescending(f => f.Customers).ThenBy(f => f.Label, StringComparer.Ordinal)],
            [.. outflows.OrderByDescending(f => f.Customers).ThenBy(f => f.Label, StringComparer.Ordinal)]);
    }

    private static void AddIfAny(List<SegmentFlow> flows, FlowEndKind kind, string label, int customers)
    {
        if (customers > 0)
            flows.Add(new SegmentFlow(kind, null, label, customers));
    }
}

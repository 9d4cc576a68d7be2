using System.Numerics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Overlap;

/// <summary>Computes how saved audiences and micro-segments overlap in the current scoring run.</summary>
public interface IOverlapService
{
    /// <summary>
    /// The matrix for the chosen audiences (null: the <see cref="OverlapService.DefaultAudiences"/> most recently changed
    /// ones) and every live micro-segment; null before the first scoring run.
    /// </summary>
    Task<OverlapView?> GetAsync(IReadOnlyCollection<long>? audienceIds = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Overlap from aggregates and integers only: micro-segment sizes from one GROUP BY over the run's scores; per shown
/// audience one statement that returns its members' customer ids with their micro-segment id. Audience × segment cells are
/// counted from those pairs, audience × audience cells by AND-ing bitsets over the customer ids, and segment × segment
/// cells are zero off the diagonal because a run puts each customer in one micro-segment.
/// </summary>
public sealed class OverlapService(
    SavedAudienceService audiences,
    IDbContextFactory<LoyaltyDbContext> contexts,
    TimeProvider time) : IOverlapService
{
    /// <summary>Audiences shown when the user has chosen none: each costs one statement over the customers.</summary>
    public const int DefaultAudiences = 4;

    /// <summary>The most audiences one matrix shows.</summary>
    public const int MaxAudiences = 8;

    public async Task<OverlapView?> GetAsync(IReadOnlyCollection<long>? audienceIds = null, CancellationToken cancellationToken = default)
    {
        if (audienceIds is { Count: > MaxAudiences })
            throw new DomainException($"The overlap matrix shows at most {MaxAudiences} audiences at once, not {audienceIds.Count}; choose fewer.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent)
            .Select(r => new { r.Id, r.CutoffDate }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
            return null;

        var segmentSizes = await db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == run.Id && s.MicroSegmentId != null)
            .GroupBy(s => s.MicroSegmentId!.Value)
            .Select(g => new { SegmentId = g.Key, Members = g.Count() })
            .ToListAsync(cancellationToken);
        var segmentNames = await db.Segments.AsNoTracking().Where(s => s.Kind == SegmentKind.Micro)
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var segments = segmentSizes
            .Select(s => new OverlapItem(OverlapItemKind.MicroSegment, s.SegmentId, segmentNames.GetValueOrDefault(s.SegmentId, $"Segment {s.SegmentId}"), s.Members))
            .OrderByDescending(s => s.Members).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();

        var saved = await db.SavedAudiences.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.RulesJson, a.UpdatedAt }).ToListAsync(cancellationToken);
        var problems = new Dictionary<long, string>();
        var valid = new Dictionary<long, ValidatedAudienceRules>();
        foreach (var audience in saved)
        {
            try
            {
                valid[audience.Id] = await audiences.ValidateAsync(AudienceRulesJson.Read(audience.RulesJson), cancellationToken);
            }
            catch (AudienceRulesException e)
            {
                problems[audience.Id] = e.Message;
            }
        }
        // Until the user chooses, the audiences changed last that can be evaluated.
        var wanted = audienceIds?.ToHashSet()
            ?? saved.Where(a => valid.ContainsKey(a.Id)).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
                .Take(DefaultAudiences).Select(a => a.Id).ToHashSet();

        var now = time.GetUtcNow().UtcDateTime;
        var shown = new List<(OverlapItem Item, ulong[] Bits, Dictionary<long, int> BySegment)>();
        var maxId = await db.Customers.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        foreach (var audience in saved.Where(a => wanted.Contains(a.Id) && valid.ContainsKey(a.Id))
                     .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var members = await AudienceQuery.Members(db, valid[audience.Id], now)
                .Select(r => new { r.Customer.Id, Segment = r.Score != null ? r.Score.MicroSegmentId : null })
                .ToListAsync(cancellationToken);
            var bits = new ulong[(maxId >> 6) + 1];
            var bySegment = new Dictionary<long, int>();
            foreach (var member in members)
            {
                bits[member.Id >> 6] |= 1UL << (int)(member.Id & 63);
                if (member.Segment is { } segment)
                    bySegment[segment] = bySegment.GetValueOrDefault(segment) + 1;
            }
            shown.Add((new OverlapItem(OverlapItemKind.Audience, audience.Id, audience.Name, members.Count), bits, bySegment));
        }

        var items = shown.Select(a => a.Item).Concat(segments).ToList();
        var both = new List<IReadOnlyList<int>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var row = new int[items.Count];
            for (var j = 0; j < items.Count; j++)
                row[j] = Both(i, j);
            both.Add(row);
        }

        return new OverlapView(run.CutoffDate, items, both,
            saved.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(a => new OverlapAudienceChoice(a.Id, a.Name, problems.GetValueOrDefault(a.Id))).ToList(),
            shown.Select(a => a.Item.Id).ToList());

        int Both(int i, int j)
        {
            if (i == j)
                return items[i].Members;
            var (a, b) = (items[i], items[j]);
            if (a.Kind == OverlapItemKind.MicroSegment && b.Kind == OverlapItemKind.MicroSegment)
                return 0;
            if (a.Kind == OverlapItemKind.Audience && b.Kind == OverlapItemKind.Audience)
                return Intersection(shown[i].Bits, shown[j].Bits);
            var (audience, segment) = a.Kind == OverlapItemKind.Audience ? (i, b) : (j, a);
            return shown[audience].BySegment.GetValueOrDefault(segment.Id);
        }
    }

    private static int Intersection(ulong[] a, ulong[] b)
    {
        var count = 0;
        for (var k = 0; k < a.Length; k++)
            count += BitOperations.PopCount(a[k] & b[k]);
        return count;
    }
}

using System.Numerics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
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
/// Overlap from aggregates and integers only: micro-segment sizes from one GROUP BY over the run's scores (kept per run:
/// a run's scores never change); per shown audience one statement that returns its members' customer ids with their
/// micro-segment id, turned into a bitset and per-segment counts and kept in <see cref="AudienceCountStore"/> per run and
/// rule tree (counted again by the warmer every <see cref="AudienceCountStore.RefreshEvery"/>). Audience × segment cells
/// are counted from those, audience × audience cells by AND-ing the bitsets, and segment × segment cells are zero off the
/// diagonal because a run puts each customer in one micro-segment.
/// </summary>
public sealed class OverlapService(
    SavedAudienceService audiences,
    IDbContextFactory<LoyaltyDbContext> contexts,
    AudienceCountStore store,
    TimeProvider time) : IOverlapService
{
    /// <summary>Audiences shown when the user has chosen none (the warmer keeps theirs counted).</summary>
    public const int DefaultAudiences = 4;

    /// <summary>The most audiences one matrix shows.</summary>
    public const int MaxAudiences = 8;

    public Task<OverlapView?> GetAsync(IReadOnlyCollection<long>? audienceIds = null, CancellationToken cancellationToken = default) =>
        BuildAsync(audienceIds, fresh: false, cancellationToken);

    /// <summary>Counts the default matrix's audiences and the run's segment sizes again and keeps them (the warmer calls this).</summary>
    public Task<OverlapView?> RefreshAsync(CancellationToken cancellationToken = default) => BuildAsync(null, fresh: true, cancellationToken);

    private async Task<OverlapView?> BuildAsync(IReadOnlyCollection<long>? audienceIds, bool fresh, CancellationToken cancellationToken)
    {
        if (audienceIds is { Count: > MaxAudiences })
            throw new DomainException($"The overlap matrix shows at most {MaxAudiences} audiences at once, not {audienceIds.Count}; choose fewer.");
        OverlapRun? run;
        Dictionary<long, string> segmentNames;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            run = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent)
                .Select(r => new OverlapRun(r.Id, r.CutoffDate)).FirstOrDefaultAsync(cancellationToken);
            if (run is null)
                return null;
            segmentNames = await db.Segments.AsNoTracking().Where(s => s.Kind == SegmentKind.Micro)
                .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        }
        var segmentSizes = await store.GetOrCountAsync($"overlap-segments:{run.Id}", fresh, ct => SegmentSizesAsync(run.Id, ct), cancellationToken);
        var segments = segmentSizes.Value
            .Select(s => new OverlapItem(OverlapItemKind.MicroSegment, s.Key, segmentNames.GetValueOrDefault(s.Key, $"Segment {s.Key}"), s.Value))
            .OrderByDescending(s => s.Members).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();

        var saved = await audiences.ReadAllAsync(cancellationToken);
        // Until the user chooses, the audiences changed last that can be evaluated.
        var wanted = audienceIds?.ToHashSet()
            ?? saved.Where(a => a.Rules is not null).OrderByDescending(a => a.Audience.UpdatedAt).ThenByDescending(a => a.Audience.Id)
                .Take(DefaultAudiences).Select(a => a.Audience.Id).ToHashSet();
        var shownAudiences = saved.Where(a => wanted.Contains(a.Audience.Id) && a.Rules is not null).ToList();
        var counted = new Counted<AudienceMembers>[shownAudiences.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, shownAudiences.Count), parallel, async (i, ct) =>
        {
            var audience = shownAudiences[i];
            counted[i] = await store.GetOrCountAsync(AudienceCountStore.Key("members", run.Id, audience.CanonicalRules!), fresh,
                c => MembersAsync(audience.Rules!, c), ct);
        });
        var shown = shownAudiences
            .Select((a, i) => (Item: new OverlapItem(OverlapItemKind.Audience, a.Audience.Id, a.Audience.Name, counted[i].Value.Count), Members: counted[i].Value))
            .ToList();

        var items = shown.Select(a => a.Item).Concat(segments).ToList();
        var both = new List<IReadOnlyList<int>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var row = new int[items.Count];
            for (var j = 0; j < items.Count; j++)
                row[j] = Both(i, j);
            both.Add(row);
        }

        return new OverlapView(run.Cutoff, items, both,
            saved.Select(a => new OverlapAudienceChoice(a.Audience.Id, a.Audience.Name, a.Problem)).ToList(),
            shown.Select(a => a.Item.Id).ToList(),
            counted.Length == 0 ? null : counted.Min(c => c.CountedAt));

        int Both(int i, int j)
        {
            if (i == j)
                return items[i].Members;
            var (a, b) = (items[i], items[j]);
            if (a.Kind == OverlapItemKind.MicroSegment && b.Kind == OverlapItemKind.MicroSegment)
                return 0;
            if (a.Kind == OverlapItemKind.Audience && b.Kind == OverlapItemKind.Audience)
                return shown[i].Members.Intersection(shown[j].Members);
            var (audience, segment) = a.Kind == OverlapItemKind.Audience ? (i, b) : (j, a);
            return shown[audience].Members.BySegment.GetValueOrDefault(segment.Id);
        }
    }

    private async Task<IReadOnlyDictionary<long, int>> SegmentSizesAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == runId && s.MicroSegmentId != null)
            .GroupBy(s => s.MicroSegmentId!.Value)
            .Select(g => new { SegmentId = g.Key, Members = g.Count() })
            .ToDictionaryAsync(s => s.SegmentId, s => s.Members, cancellationToken);
    }

    private async Task<AudienceMembers> MembersAsync(ValidatedAudienceRules rules, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = AudienceQuery.Members(db, rules, time.GetUtcNow().UtcDateTime)
            .Select(r => new { r.Customer.Id, Segment = r.Score != null ? r.Score.MicroSegmentId : null });
        // Streamed into the bitset (grown as ids come) rather than listed first: up to every customer, once per refresh.
        var bits = Array.Empty<ulong>();
        var bySegment = new Dictionary<long, int>();
        var count = 0;
        await foreach (var member in members.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var word = (int)(member.Id >> 6);
            if (word >= bits.Length)
                Array.Resize(ref bits, Math.Max(word + 1, bits.Length * 2));
            bits[word] |= 1UL << (int)(member.Id & 63);
            if (member.Segment is { } segment)
                bySegment[segment] = bySegment.GetValueOrDefault(segment) + 1;
            count++;
        }
        return new AudienceMembers(count, bits, bySegment);
    }

    private sealed record OverlapRun(long Id, DateTime Cutoff);
}

/// <summary>An audience's members in one run as the overlap needs them: how many, a bitset of their customer ids and how many are in each micro-segment.</summary>
public sealed class AudienceMembers(int count, ulong[] bits, IReadOnlyDictionary<long, int> bySegment)
{
    private readonly ulong[] _bits = bits;

    public int Count { get; } = count;

    public IReadOnlyDictionary<long, int> BySegment { get; } = bySegment;

    /// <summary>Customers in both this audience and <paramref name="other"/> (bitsets may differ in length: ids past the shorter are in one only).</summary>
    public int Intersection(AudienceMembers other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var count = 0;
        for (var k = 0; k < Math.Min(_bits.Length, other._bits.Length); k++)
            count += BitOperations.PopCount(_bits[k] & other._bits[k]);
        return count;
    }
}

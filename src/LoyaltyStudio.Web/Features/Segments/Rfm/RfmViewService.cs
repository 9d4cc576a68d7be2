using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Rfm;

/// <summary>Reads the RFM page's view model from the current scoring run.</summary>
public interface IRfmViewService
{
    /// <summary>The grid, the named segments and the moves since the previous run; null before the first scoring run.</summary>
    Task<RfmView?> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds the RFM view from two aggregate statements over the current run: one GROUP BY recency, frequency and RFM
/// segment over the scores (the grid and the segment table both add up its at most 25 × 11 rows), and one GROUP BY
/// previous and current segment over the run's RFM memberships (the movement matrix).
/// </summary>
public sealed class RfmViewService(IDbContextFactory<LoyaltyDbContext> contexts) : IRfmViewService
{
    public async Task<RfmView?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent)
            .Select(r => new { r.Id, r.CutoffDate, r.StartedAt }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
            return null;

        var sums = await db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == run.Id)
            .GroupBy(s => new { s.RfmRecency, s.RfmFrequency, s.RfmSegmentId })
            .Select(g => new
            {
                g.Key.RfmRecency,
                g.Key.RfmFrequency,
                g.Key.RfmSegmentId,
                Customers = g.Count(),
                // Summed as REAL: a decimal sum on SQLite runs EF Core's ef_sum in .NET once per row; the money is
                // rounded back to cents below, and each cell adds up at most 100,000 amounts of two decimals.
                Revenue = g.Sum(s => (double)s.Spend365),
                LifetimeValue = g.Sum(s => (double)s.PredictedLifetimeValue),
                ChurnScore = g.Sum(s => (long)s.ChurnScore),
            })
            .ToListAsync(cancellationToken);
        var groups = sums.Select(g => new
            {
                g.RfmRecency,
                g.RfmFrequency,
                g.RfmSegmentId,
                g.Customers,
                Revenue = Math.Round((decimal)g.Revenue, 2),
                LifetimeValue = Math.Round((decimal)g.LifetimeValue, 2),
                g.ChurnScore,
            })
            .ToList();

        var segments = await db.Segments.AsNoTracking().Where(s => s.Kind == SegmentKind.Rfm)
            .Select(s => new { s.Id, s.Key, s.Name, s.Description }).ToListAsync(cancellationToken);
        var names = segments.ToDictionary(s => s.Id, s => s.Name);

        var cells = new List<RfmCell>(25);
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                var inCell = groups.Where(g => g.RfmRecency == r && g.RfmFrequency == f).ToList();
                cells.Add(new RfmCell(r, f, RfmSegments.Classify(r, f).Name, inCell.Sum(g => g.Customers), inCell.Sum(g => g.Revenue)));
            }
        }

        var scored = groups.Sum(g => g.Customers);
        var rows = segments
            .OrderBy(s => Rank(s.Key))
            .Select(s =>
            {
                var members = groups.Where(g => g.RfmSegmentId == s.Id).ToList();
                var count = members.Sum(g => g.Customers);
                return new RfmSegmentRow(s.Id, s.Key, s.Name, s.Description, count,
                    scored == 0 ? 0 : (double)count / scored,
                    members.Sum(g => g.Revenue),
                    count == 0 ? 0m : Math.Round(members.Sum(g => g.LifetimeValue) / count, 2),
                    count == 0 ? 0 : (double)members.Sum(g => g.ChurnScore) / count);
            })
            .ToList();

        return new RfmView(run.CutoffDate, scored, cells, rows,
            await MovementAsync(db, run.Id, run.StartedAt, names, cancellationToken));
    }

    /// <summary>The moves recorded with the current run's RFM memberships, labelled with the previous run's cut-off; null without a previous run.</summary>
    private static async Task<RfmMovement?> MovementAsync(LoyaltyDbContext db, long runId, DateTime startedAt,
        Dictionary<long, string> names, CancellationToken cancellationToken)
    {
        var previousCutoff = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.Id != runId && r.Status == ScoringRunStatus.Succeeded && r.StartedAt < startedAt)
            .OrderByDescending(r => r.StartedAt)
            .Select(r => (DateTime?)r.CutoffDate)
            .FirstOrDefaultAsync(cancellationToken);
        if (previousCutoff is null)
            return null;

        var pairs = await (
                from m in db.SegmentMemberships.AsNoTracking()
                join s in db.Segments on m.SegmentId equals s.Id
                where m.ScoringRunId == runId && s.Kind == SegmentKind.Rfm
                group m by new { m.PreviousSegmentId, m.SegmentId } into g
                select new { g.Key.PreviousSegmentId, g.Key.SegmentId, Customers = g.Count() })
            .ToListAsync(cancellationToken);

        string? Name(long? id) => id is { } known ? names.GetValueOrDefault(known, $"segment {known}") : null;
        var moves = pairs
            .Select(p => new RfmMove(Name(p.PreviousSegmentId), Name(p.SegmentId)!, p.Customers))
            .ToList();
        var ordered = RfmSegments.All.Select(s => s.Name).Where(n => moves.Any(m => m.From == n || m.To == n))
            .Concat(moves.SelectMany(m => new[] { m.From, m.To }).OfType<string>()
                .Where(n => RfmSegments.All.All(s => s.Name != n)).Distinct())
            .ToList();
        return new RfmMovement(previousCutoff.Value, ordered, moves);
    }

    // Best segment first, as RfmSegments.All lists them; keys the code does not know go last.
    private static int Rank(string key)
    {
        var index = RfmSegments.All.ToList().FindIndex(s => s.Key == key);
        return index < 0 ? int.MaxValue : index;
    }
}

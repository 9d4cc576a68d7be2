using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>Reads the churn overview and the churn model's report for the current scoring run.</summary>
public interface IChurnOverviewService
{
    /// <summary>The first view of /churn; null before the first scoring run.</summary>
    Task<ChurnOverview?> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>The report of the churn model the current run scored with; null when there is no run or no churn model.</summary>
    Task<ChurnModelReport?> GetModelReportAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds the overview from aggregate queries only: one grouped pass for the histogram and the band shares, one for
/// every cohort table, three counts per pair of runs for the trend; nothing per customer leaves the database.
/// </summary>
public sealed class ChurnOverviewService(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock) : IChurnOverviewService
{
    /// <summary>How many of the latest succeeded runs the High-band trend compares.</summary>
    public const int TrendRuns = 8;

    public async Task<ChurnOverview?> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await ChurnQueries.CurrentRunAsync(db, cancellationToken);
        if (run is null)
            return null;
        var runId = run.Info.Id;

        var byScore = await ChurnQueries.Scored(db, runId)
            .GroupBy(x => new { x.Profiling, x.Score.ChurnScore, x.Score.ChurnRiskBand })
            .Select(g => new
            {
                g.Key.Profiling,
                g.Key.ChurnScore,
                Band = g.Key.ChurnRiskBand,
                Customers = g.Count(),
                // Summed as REAL: a decimal sum on SQLite runs EF Core's ef_sum in .NET once per row. Rounded back to cents below.
                Spend = g.Sum(x => (double)x.Score.Spend365),
                Points = g.Sum(x => (double)x.Score.PointsBalance),
            })
            .ToListAsync(cancellationToken);
        var counted = byScore.Where(r => r.Profiling)
            .Select(r => new { r.ChurnScore, r.Band, r.Customers, Spend = Cents(r.Spend), Points = Cents(r.Points) })
            .ToList();
        var histogram = new int[101];
        foreach (var row in counted)
            histogram[Math.Clamp(row.ChurnScore, 0, 100)] += row.Customers;

        var (customers, spend, points) = (counted.Sum(r => r.Customers), counted.Sum(r => r.Spend), counted.Sum(r => r.Points));
        var bands = Enum.GetValues<ChurnRiskBand>().Select(band =>
        {
            var rows = counted.Where(r => r.Band == band).ToList();
            var (c, s, p) = (rows.Sum(r => r.Customers), rows.Sum(r => r.Spend), rows.Sum(r => r.Points));
            return new ChurnBandShare(band, c, s, p, Share(c, customers), Share(s, spend), Share(p, points));
        }).ToList();

        return new ChurnOverview(
            run.Info,
            run.Thresholds,
            histogram,
            bands,
            byScore.Where(r => !r.Profiling).Sum(r => r.Customers),
            await BadgeAsync(db, run, cancellationToken),
            await TrendAsync(db, cancellationToken),
            await CohortsAsync(db, runId, cancellationToken));
    }

    public async Task<ChurnModelReport?> GetModelReportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await ChurnQueries.CurrentRunAsync(db, cancellationToken);
        if (run is null)
            return null;
        var model = await ModelAsync(db, run, cancellationToken);
        if (model is null)
            return null;
        var (report, problem) = Read(model.MetricsJson);
        var badge = Badge(model, report);
        var drivers = (report?.Drivers ?? []).Select(d =>
        {
            var (label, description) = Describe(d.Feature);
            return new ChurnDriverBar(d.Feature, label, description, d.MeanAbsContribution);
        }).ToList();
        return new ChurnModelReport(badge, report, drivers, problem);
    }

    private static async Task<ChurnModelBadge?> BadgeAsync(LoyaltyDbContext db, CurrentChurnRun run, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(db, run, cancellationToken);
        return model is null ? null : Badge(model, Read(model.MetricsJson).Report);
    }

    private static ChurnModelBadge Badge(ModelRow model, ChurnReport? report) =>
        new(model.Version, report?.Algorithm ?? model.Algorithm, report?.Auc, report?.BaselineAuc, model.CreatedAt,
            model.TrainingWindowStart, model.TrainingWindowEnd);

    /// <summary>The churn version the run recorded; the active one when the record names none (runs from before versions were recorded).</summary>
    private static async Task<ModelRow?> ModelAsync(LoyaltyDbContext db, CurrentChurnRun run, CancellationToken cancellationToken)
    {
        var models = db.ModelVersions.AsNoTracking().Where(m => m.Kind == ModelKind.Churn);
        var version = ChurnQueries.ChurnModelVersion(run.ModelVersionsJson);
        models = version is { } v ? models.Where(m => m.Version == v) : models.Where(m => m.IsActive);
        return await models
            .Select(m => new ModelRow(m.Version, m.Algorithm, m.MetricsJson, m.CreatedAt, m.TrainingWindowStart, m.TrainingWindowEnd))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static (ChurnReport? Report, string? Problem) Read(string metricsJson)
    {
        try
        {
            return (ChurnReport.FromJson(metricsJson), null);
        }
        catch (JsonException e)
        {
            return (null, $"The model's stored report cannot be read ({e.Message}).");
        }
    }

    private static (string Label, string Description) Describe(string feature)
    {
        try
        {
            var description = FeatureCatalog.Describe(feature);
            return (description.Label, description.Description);
        }
        catch (KeyNotFoundException)
        {
            return (feature.Replace('_', ' '), "");
        }
    }

    /// <summary>Customers who entered and left the High band between each pair of consecutive succeeded runs, oldest first.</summary>
    private static async Task<IReadOnlyList<HighBandMovement>> TrendAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var runs = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.Status == ScoringRunStatus.Succeeded)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(TrendRuns)
            .Select(r => new { r.Id, r.CutoffDate })
            .ToListAsync(cancellationToken);
        runs.Reverse();
        var movements = new List<HighBandMovement>();
        for (var i = 1; i < runs.Count; i++)
        {
            var (previous, next) = (runs[i - 1].Id, runs[i].Id);
            var scores = db.CustomerScores;
            var entered = await ChurnQueries.Counted(db, next)
                .Where(x => x.Score.ChurnRiskBand == ChurnRiskBand.High)
                .CountAsync(x => !scores.Any(p => p.ScoringRunId == previous && p.CustomerId == x.Score.CustomerId && p.ChurnRiskBand == ChurnRiskBand.High), cancellationToken);
            var left = await ChurnQueries.Counted(db, previous)
                .Where(x => x.Score.ChurnRiskBand == ChurnRiskBand.High)
                .CountAsync(x => !scores.Any(p => p.ScoringRunId == next && p.CustomerId == x.Score.CustomerId && p.ChurnRiskBand == ChurnRiskBand.High), cancellationToken);
            var highNow = await ChurnQueries.Counted(db, next).CountAsync(x => x.Score.ChurnRiskBand == ChurnRiskBand.High, cancellationToken);
            movements.Add(new HighBandMovement(next, runs[i].CutoffDate, runs[i - 1].CutoffDate, entered, left, highNow));
        }
        return movements;
    }

    private async Task<IReadOnlyList<ChurnCohortTable>> CohortsAsync(LoyaltyDbContext db, long runId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = await ChurnQueries.Facts(ChurnQueries.Counted(db, runId), now)
            .GroupBy(f => new { f.TierCode, f.Channel, f.Tenure, f.MicroSegmentId, f.Band })
            .Select(g => new CohortGroup(g.Key.TierCode, g.Key.Channel, g.Key.Tenure, g.Key.MicroSegmentId, g.Key.Band, g.Count(), g.Sum(f => f.ChurnScore)))
            .ToListAsync(cancellationToken);
        var tiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Rank).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        var segmentIds = groups.Where(g => g.MicroSegmentId != null).Select(g => g.MicroSegmentId!.Value).Distinct().ToList();
        var segments = await db.Segments.AsNoTracking()
            .Where(s => s.Kind == SegmentKind.Micro && segmentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Key, s.Name })
            .ToListAsync(cancellationToken);

        var tenure = Table(ChurnCohortDimension.Tenure, groups, g => g.Tenure,
            TenureBand.All.Select(b => (b.Index, new ChurnCohort(ChurnCohortDimension.Tenure, b.Key), b.Label)));
        var segmentRows = Table(ChurnCohortDimension.MicroSegment, groups, g => g.MicroSegmentId,
            segments.OrderBy(s => s.Name, StringComparer.CurrentCulture)
                .Select(s => ((long?)s.Id, new ChurnCohort(ChurnCohortDimension.MicroSegment, s.Key), s.Name))
                .Append((null, new ChurnCohort(ChurnCohortDimension.MicroSegment, ChurnCohort.NoSegmentKey), "No micro-segment")));
        var knownTiers = tiers.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var tierRows = Table(ChurnCohortDimension.Tier, groups, g => g.TierCode,
            tiers.Select(t => (t.Code, new ChurnCohort(ChurnCohortDimension.Tier, t.Code), t.Name))
                .Concat(groups.Select(g => g.TierCode).Where(c => !knownTiers.Contains(c)).Distinct().Order(StringComparer.Ordinal)
                    .Select(c => (c, new ChurnCohort(ChurnCohortDimension.Tier, c), c))));
        var channelRows = Table(ChurnCohortDimension.Channel, groups, g => g.Channel,
            Enum.GetValues<SalesChannel>().Select(c => (c, new ChurnCohort(ChurnCohortDimension.Channel, c.ToString()), ChannelLabel(c))));
        return
        [
            tenure with { Title = "Tenure", Definition = "Months since signing up, counted from today." },
            segmentRows with { Title = "Micro-segment", Definition = "The behavioural micro-segment of the current run." },
            tierRows with { Title = "Tier", Definition = "The loyalty tier held today." },
            channelRows with { Title = "Signup channel", Definition = "The channel the customer signed up through (not where they buy now)." },
        ];
    }

    private static ChurnCohortTable Table<TKey>(ChurnCohortDimension dimension, IReadOnlyList<CohortGroup> groups, Func<CohortGroup, TKey> key,
        IEnumerable<(TKey Key, ChurnCohort Cohort, string Label)> cohorts)
    {
        var rows = new List<ChurnCohortRow>();
        foreach (var (value, cohort, label) in cohorts)
        {
            var members = groups.Where(g => EqualityComparer<TKey>.Default.Equals(key(g), value)).ToList();
            int In(ChurnRiskBand band) => members.Where(g => g.Band == band).Sum(g => g.Customers);
            var count = members.Sum(g => g.Customers);
            if (count == 0)
                continue;
            rows.Add(new ChurnCohortRow(cohort, label, In(ChurnRiskBand.Low), In(ChurnRiskBand.Medium), In(ChurnRiskBand.High),
                (double)members.Sum(g => g.ScoreSum) / count));
        }
        return new ChurnCohortTable(dimension, "", "", rows);
    }

    /// <summary>How a channel reads after "signed up".</summary>
    internal static string ChannelLabel(SalesChannel channel) => channel switch
    {
        SalesChannel.Online => "Online",
        SalesChannel.App => "In the app",
        SalesChannel.Store => "In store",
        _ => channel.ToString(),
    };

    private static decimal Cents(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    private static double Share(decimal part, decimal whole) => whole == 0 ? 0 : (double)(part / whole);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private sealed record ModelRow(int Version, string Algorithm, string MetricsJson, DateTime CreatedAt, DateTime TrainingWindowStart, DateTime TrainingWindowEnd);

    private sealed record CohortGroup(string TierCode, SalesChannel Channel, int Tenure, long? MicroSegmentId, ChurnRiskBand Band, int Customers, long ScoreSum);
}

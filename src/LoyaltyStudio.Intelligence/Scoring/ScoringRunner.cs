using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Offers;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// Runs scoring: features at the cut-off → churn (active churn model) → lifetime value (active BG/NBD + Gamma-Gamma
/// parameters) → RFM → micro-segments matched to the previous run's → one snapshot written in bulk under a new run id,
/// then made current in one transaction. A run that fails or is cancelled is recorded as such, its rows are removed,
/// and the previous run stays current.
/// </summary>
public sealed class ScoringRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDbContextFactory<LoyaltyDbContext> _contexts;
    private readonly IFeatureBuilder _features;
    private readonly ModelVersionRegistry _registry;
    private readonly ScoringOptions _options;
    private readonly SnapshotStore _store;
    private readonly IncrementalSnapshot _incremental;

    public ScoringRunner(IDbContextFactory<LoyaltyDbContext> contexts, IFeatureBuilder features, ModelVersionRegistry registry,
        ScoringOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _contexts = contexts;
        _features = features;
        _registry = registry;
        _options = options;
        _store = new SnapshotStore(contexts, time);
        _incremental = new IncrementalSnapshot(contexts);
    }

    /// <summary>Scores every customer with a purchase at the data's latest date and makes the result the current run.</summary>
    public async Task<ScoringRunResult> RunFullAsync(string triggeredBy, IProgress<ScoringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var models = await ActiveModels.LoadAsync(_registry, cancellationToken);
        var cutoff = await CutoffAsync(cancellationToken);
        var run = await _store.StartAsync(cutoff, triggeredBy, ScoringRunKind.Full, _options.Thresholds, cancellationToken);
        var clock = new StageClock(progress);
        var created = new List<long>();
        Task<NextBestOffers>? offersTask = null;
        Task<LifetimeScore[]>? lifetimeTask = null;
        try
        {
            await _store.RecordModelVersionsAsync(run.Id, models.VersionsJson, cancellationToken);

            clock.Start(ScoringStages.Features, 1);
            var table = await _features.BuildAsync(cutoff, null, cancellationToken);
            if (table.Count == 0)
                throw new ScoringNotReadyException($"No customer has a purchase before {cutoff:yyyy-MM-dd}; there is nobody to score.");

            clock.Start(ScoringStages.Churn, table.Count);
            cancellationToken.ThrowIfCancellationRequested();
            var churn = models.Churn.Score(table, _options.Thresholds, ChurnRiskBand.Medium, _options.ReasonsPerCustomer, _options.ReasonCultureInfo);

            // The offers mostly read the database (on their own connections) and need only the churn probabilities, so
            // they run beside the CPU-bound lifetime, RFM and segment stages; the offers stage below is the wait left.
            var probabilities = churn.ToDictionary(c => c.CustomerId, c => c.Probability);
            offersTask = Task.Run(() => new NextBestOfferEngine(_contexts).ProposeAsync(cutoff, probabilities, cancellationToken: cancellationToken),
                cancellationToken);

            // Lifetime value reads the orders again on its own connection, so it too runs beside the CPU-bound RFM and
            // segment stages; its stage below is the wait left.
            lifetimeTask = Task.Run(() => LifetimeAsync(table, models.Lifetime, null, cancellationToken), cancellationToken);

            clock.Start(ScoringStages.Rfm, table.Count);
            cancellationToken.ThrowIfCancellationRequested();
            var rfm = RfmScorer.Score(table);

            clock.Start(ScoringStages.Segments, table.Count);
            cancellationToken.ThrowIfCancellationRequested();
            var (alive, used) = await _store.MicroSegmentsAsync(cancellationToken);
            var previous = new PreviousSegmentation([.. alive.Select(a => new PreviousSegment(a.Key, SegmentCentroid.FromJson(a.CentroidJson)))], used);
            var micro = MicroSegmenter.Fit(table, previous, money: _options.ReasonCultureInfo);

            clock.Start(ScoringStages.Lifetime, table.Count);
            var lifetime = await lifetimeTask;

            clock.Start(ScoringStages.Offers, table.Count);
            var offers = await offersTask;
            var plan = Plan(table, churn, lifetime, rfm, micro, offers);

            clock.Start(ScoringStages.Write, table.Count);
            var previousMemberships = await _store.MembershipsOfAsync(await _store.CurrentRunIdAsync(cancellationToken), cancellationToken);
            created = await _store.WriteFullAsync(run, plan, _options.Thresholds, previousMemberships, clock.Report, cancellationToken);

            clock.Start(ScoringStages.Publish, 1);
            cancellationToken.ThrowIfCancellationRequested();
            await _store.PublishAsync(run.Id, table.Count, clock, plan, null, cancellationToken);
            return new ScoringRunResult(run.Id, ScoringRunKind.Full, cutoff, table.Count, 0, clock.Seconds);
        }
        catch (Exception e)
        {
            // Let the side tasks finish reading before the run is abandoned; their own failure, if any, is not the cause.
            foreach (var side in new Task?[] { offersTask, lifetimeTask })
            {
                if (side is null)
                    continue;
                await Task.WhenAny(side);
                _ = side.Exception;
            }
            await _store.AbandonAsync(run.Id, created, e is OperationCanceledException && cancellationToken.IsCancellationRequested ? null : e);
            throw;
        }
    }

    /// <summary>
    /// Re-scores the customers marked for re-scoring (churn and lifetime value, with the active models) into a new run
    /// that copies everyone else's rows from the current run, then makes it current and clears their marks.
    /// Returns null when nobody is marked. RFM scores and segments are population-wide and move with the next full run.
    /// </summary>
    public async Task<ScoringRunResult?> RunIncrementalAsync(string triggeredBy, IProgress<ScoringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var marked = await _incremental.MarkedCustomersAsync(cancellationToken);
        if (marked.Count == 0)
            return null;
        var currentRunId = await _store.CurrentRunIdAsync(cancellationToken)
            ?? throw new ScoringNotReadyException("There is no current scoring run to update — run a full `loyalty score` first.");
        var models = await ActiveModels.LoadAsync(_registry, cancellationToken);
        var kept = await _incremental.KeptScoresAsync(currentRunId, marked, cancellationToken);
        if (kept.Count == 0)
            throw new ScoringNotReadyException(
                $"{marked.Count} customers are marked for re-scoring, but none is in the current run (they are new); the next full run scores them.");
        var cutoff = await CutoffAsync(cancellationToken);
        var run = await _store.StartAsync(cutoff, triggeredBy, ScoringRunKind.Incremental, _options.Thresholds, cancellationToken);
        var clock = new StageClock(progress);
        try
        {
            await _store.RecordModelVersionsAsync(run.Id, models.VersionsJson, cancellationToken);
            var ids = kept.Keys.Order().ToList();

            clock.Start(ScoringStages.Features, 1);
            var table = await _features.BuildAsync(cutoff, ids, cancellationToken);

            clock.Start(ScoringStages.Churn, table.Count);
            cancellationToken.ThrowIfCancellationRequested();
            var churn = models.Churn.Score(table, _options.Thresholds, ChurnRiskBand.Medium, _options.ReasonsPerCustomer, _options.ReasonCultureInfo);

            clock.Start(ScoringStages.Lifetime, table.Count);
            var lifetime = await LifetimeAsync(table, models.Lifetime, ids, cancellationToken);

            clock.Start(ScoringStages.Write, table.Count);
            var scores = new List<CustomerScore>(table.Count);
            for (var i = 0; i < table.Count; i++)
            {
                var old = kept[table.CustomerIds[i]];
                scores.Add(new CustomerScore(run.Id, table.CustomerIds[i], churn[i].Probability, _options.Thresholds,
                    ReasonsJson(churn[i]), lifetime[i].ProbabilityAlive, lifetime[i].ExpectedPurchases, lifetime[i].ExpectedSpendPerOrder,
                    lifetime[i].LifetimeValue, new RfmScore(old.RfmRecency, old.RfmFrequency, old.RfmMonetary), old.MicroSegmentId,
                    old.RfmSegmentId, old.NextBestOffersJson));
                var activity = CustomerActivity.From(table, i);
                scores[^1].RecordActivity(activity.Spend365, activity.PointsBalance, activity.DaysSinceLastPurchase);
            }
            var copied = await _incremental.WriteAsync(run.Id, currentRunId, scores, cancellationToken);

            clock.Start(ScoringStages.Publish, 1);
            cancellationToken.ThrowIfCancellationRequested();
            await _store.PublishAsync(run.Id, table.Count, clock, null, ids, cancellationToken);
            return new ScoringRunResult(run.Id, ScoringRunKind.Incremental, cutoff, table.Count, copied, clock.Seconds);
        }
        catch (Exception e)
        {
            await _store.AbandonAsync(run.Id, [], e is OperationCanceledException && cancellationToken.IsCancellationRequested ? null : e);
            throw;
        }
    }

    private async Task<DateTime> CutoffAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await LatestDataDate.FindAsync(db, cancellationToken);
    }

    private async Task<LifetimeScore[]> LifetimeAsync(FeatureTable table, LifetimeValueArtifact model, IReadOnlyCollection<long>? ids,
        CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var summaries = await PurchaseSummaries.LoadAsync(db, table.Cutoff, model.PeriodDays, ids, cancellationToken);
        var horizon = _options.Horizon with { StepPeriods = 365.25 / 12 / model.PeriodDays };
        return LifetimeScores.Compute(table, summaries, model, horizon);
    }

    private static SnapshotPlan Plan(FeatureTable table, IReadOnlyList<ChurnPrediction> churn, LifetimeScore[] lifetime,
        IReadOnlyList<CustomerRfm> rfm, SegmentationResult micro, NextBestOffers offers)
    {
        var scores = new PlannedScore[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            scores[i] = new PlannedScore(table.CustomerIds[i], churn[i], lifetime[i],
                new RfmScore(rfm[i].Recency, rfm[i].Frequency, rfm[i].Monetary), rfm[i].Segment.Key, micro.KeyOf(i),
                offers.JsonFor(table.CustomerIds[i]), CustomerActivity.From(table, i));
        }

        var segments = new List<PlannedSegment>();
        foreach (var group in rfm.GroupBy(r => r.Segment.Key))
        {
            var first = group.First().Segment;
            var profile = JsonSerializer.Serialize(new
            {
                Members = group.Count(),
                Population = table.Count,
                Share = (double)group.Count() / table.Count,
                Recency = group.Average(r => r.Recency),
                Frequency = group.Average(r => r.Frequency),
                Monetary = group.Average(r => r.Monetary),
            }, Json);
            segments.Add(new PlannedSegment(SegmentKind.Rfm, first.Key, first.Name, first.Description, profile, "{}"));
        }
        foreach (var segment in micro.Segments)
        {
            segments.Add(new PlannedSegment(SegmentKind.Micro, segment.Key, segment.Name, segment.Description,
                segment.Profile.ToJson(), segment.Centroid.ToJson()));
        }
        return new SnapshotPlan(scores, segments, micro.RetiredKeys);
    }

    private static string ReasonsJson(ChurnPrediction prediction) =>
        prediction.Reasons.Count == 0 ? "[]" : JsonSerializer.Serialize(prediction.Reasons, Json);
}

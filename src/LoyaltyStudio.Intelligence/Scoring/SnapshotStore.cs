using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// Writes a run's snapshot rows in bulk under its run id, makes a run current in one transaction, and removes the rows
/// of a run that did not finish.
/// </summary>
internal sealed class SnapshotStore(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ScoringRun> StartAsync(DateTime cutoff, string triggeredBy, ScoringRunKind kind, ChurnRiskThresholds thresholds,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new ScoringRun(cutoff, time.GetUtcNow().UtcDateTime, triggeredBy, kind);
        run.RecordThresholds(thresholds);
        db.ScoringRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    public async Task<long?> CurrentRunIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScoringRuns.Where(r => r.IsCurrent).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Each customer's micro-segment and RFM segment in <paramref name="runId"/>, to record where they came from.</summary>
    public async Task<(Dictionary<long, long> Micro, Dictionary<long, long> Rfm)> MembershipsOfAsync(long? runId, CancellationToken cancellationToken)
    {
        var micro = new Dictionary<long, long>();
        var rfm = new Dictionary<long, long>();
        if (runId is null)
            return (micro, rfm);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.SegmentMemberships.AsNoTracking().Where(m => m.ScoringRunId == runId)
            .Join(db.Segments, m => m.SegmentId, s => s.Id, (m, s) => new { m.CustomerId, m.SegmentId, s.Kind });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            (row.Kind == SegmentKind.Micro ? micro : rfm)[row.CustomerId] = row.SegmentId;
        return (micro, rfm);
    }

    /// <summary>The micro-segments still alive with their stored centroids, and every micro key ever used.</summary>
    public async Task<(List<(string Key, string CentroidJson)> Alive, List<string> UsedKeys)> MicroSegmentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Segments.AsNoTracking().Where(s => s.Kind == SegmentKind.Micro)
            .Select(s => new { s.Key, s.CentroidJson, s.RetiredAt }).ToListAsync(cancellationToken);
        return ([.. all.Where(s => s.RetiredAt == null && s.CentroidJson != "{}").Select(s => (s.Key, s.CentroidJson))],
            [.. all.Select(s => s.Key)]);
    }

    /// <summary>
    /// Writes the scores, memberships (with the previous segment of the same kind) and per-segment snapshots of a full
    /// run in one transaction; creates the segments seen for the first time. Returns the ids of the segments it created.
    /// </summary>
    public async Task<List<long>> WriteFullAsync(ScoringRun run, SnapshotPlan plan, ChurnRiskThresholds thresholds,
        (Dictionary<long, long> Micro, Dictionary<long, long> Rfm) previous, Action<int, int> report, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tuning = await SqliteSnapshotTuning.ApplyAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var segments = await db.Segments.ToDictionaryAsync(s => (s.Kind, s.Key), cancellationToken);
        var created = new List<Segment>();
        foreach (var planned in plan.Segments.Where(p => !segments.ContainsKey((p.Kind, p.Key))))
        {
            var segment = new Segment(planned.Kind, planned.Key, planned.Name, planned.Description, run.StartedAt);
            segments[(planned.Kind, planned.Key)] = segment;
            created.Add(segment);
            db.Segments.Add(segment);
        }
        await db.SaveChangesAsync(cancellationToken);

        var total = plan.Scores.Count;
        var scores = new List<CustomerScore>(total);
        var memberships = new List<SegmentMembership>(total * 2);
        foreach (var row in plan.Scores)
        {
            var rfmId = segments[(SegmentKind.Rfm, row.RfmKey)].Id;
            long? microId = row.MicroKey is null ? null : segments[(SegmentKind.Micro, row.MicroKey)].Id;
            scores.Add(new CustomerScore(run.Id, row.CustomerId, row.Churn.Probability, thresholds, ReasonsJson(row.Churn),
                row.Lifetime.ProbabilityAlive, row.Lifetime.ExpectedPurchases, row.Lifetime.ExpectedSpendPerOrder,
                row.Lifetime.LifetimeValue, row.Rfm, microId, rfmId, row.NextBestOffersJson));
            scores[^1].RecordActivity(row.Activity.Spend365, row.Activity.PointsBalance, row.Activity.DaysSinceLastPurchase);
            memberships.Add(new SegmentMembership(run.Id, rfmId, row.CustomerId, Previous(previous.Rfm, row.CustomerId)));
            if (microId is { } micro)
                memberships.Add(new SegmentMembership(run.Id, micro, row.CustomerId, Previous(previous.Micro, row.CustomerId)));
        }

        var profiles = plan.Segments.ToDictionary(p => segments[(p.Kind, p.Key)].Id, p => p.ProfileJson);
        var snapshots = memberships.Join(scores, m => m.CustomerId, s => s.CustomerId, (m, s) => (m.SegmentId, Score: s))
            .GroupBy(x => x.SegmentId)
            .Select(g => new SegmentSnapshot(run.Id, g.Key, g.Count(),
                Math.Round(g.Average(x => x.Score.PredictedLifetimeValue), 2), g.Average(x => (double)x.Score.ChurnScore),
                profiles.GetValueOrDefault(g.Key, "{}")))
            .ToList();

        await using (var writer = new BulkWriter(db))
        {
            const int chunk = 10_000;
            for (var start = 0; start < scores.Count; start += chunk)
            {
                await writer.InsertAsync(scores.GetRange(start, Math.Min(chunk, scores.Count - start)), cancellationToken);
                report(Math.Min(start + chunk, scores.Count), total);
            }
            await writer.InsertAsync(memberships, cancellationToken);
            await writer.InsertAsync(snapshots, cancellationToken);
        }
        await tuning.CheckReferencesAsync(run.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. created.Select(s => s.Id)];
    }

    /// <summary>
    /// Makes <paramref name="runId"/> the current run in one transaction: updates the segments it found (profile,
    /// centroid, name; retires the ones no longer found), retires the previous current run, marks this one succeeded
    /// and current, and clears the re-scoring marks it dealt with.
    /// </summary>
    public async Task PublishAsync(long runId, int customersScored, StageClock clock, SnapshotPlan? plan,
        IReadOnlyCollection<long>? rescoredCustomers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (plan is not null)
        {
            var segments = await db.Segments.ToDictionaryAsync(s => (s.Kind, s.Key), cancellationToken);
            foreach (var planned in plan.Segments)
            {
                var segment = segments[(planned.Kind, planned.Key)];
                segment.Rename(planned.Name, planned.Description);
                segment.UpdateProfile(planned.ProfileJson, planned.CentroidJson);
            }
            foreach (var key in plan.RetiredMicroKeys)
            {
                if (segments.TryGetValue((SegmentKind.Micro, key), out var retired) && !retired.IsRetired)
                    retired.Retire(now);
            }
        }

        var run = await db.ScoringRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        foreach (var old in await db.ScoringRuns.Where(r => r.IsCurrent && r.Id != runId).ToListAsync(cancellationToken))
            old.Retire();
        clock.Stop();
        run.Succeed(now, customersScored, clock.ToJson());
        run.MakeCurrent();
        await db.SaveChangesAsync(cancellationToken);

        var marked = db.Customers.Where(c => c.RescoreRequestedAt != null);
        marked = rescoredCustomers is null
            ? marked.Where(c => c.RescoreRequestedAt <= run.StartedAt)
            : marked.Where(c => rescoredCustomers.Contains(c.Id));
        await marked.ExecuteUpdateAsync(s => s.SetProperty(c => c.RescoreRequestedAt, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes whatever a run that did not finish left behind and records how it ended; the current run is untouched.</summary>
    public async Task AbandonAsync(long runId, IReadOnlyCollection<long> createdSegments, Exception? error)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var run = await db.ScoringRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        if (run.Status == ScoringRunStatus.Succeeded)
            return; // It was published before the failure: it is a whole snapshot and stays.
        await db.CustomerScores.Where(s => s.ScoringRunId == runId).ExecuteDeleteAsync(CancellationToken.None);
        await db.SegmentMemberships.Where(m => m.ScoringRunId == runId).ExecuteDeleteAsync(CancellationToken.None);
        await db.SegmentSnapshots.Where(s => s.ScoringRunId == runId).ExecuteDeleteAsync(CancellationToken.None);
        if (createdSegments.Count > 0)
            await db.Segments.Where(s => createdSegments.Contains(s.Id)).ExecuteDeleteAsync(CancellationToken.None);
        if (run.Status == ScoringRunStatus.Running)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (error is null)
                run.Cancel(now);
            else
                run.Fail(now, error.Message);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task RecordModelVersionsAsync(long runId, string json, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.ScoringRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.RecordModelVersions(json);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static long? Previous(Dictionary<long, long> previous, long customerId) =>
        previous.TryGetValue(customerId, out var id) ? id : null;

    private static string ReasonsJson(Churn.ChurnPrediction prediction) => prediction.Reasons.Count == 0
        ? "[]"
        : JsonSerializer.Serialize(prediction.Reasons, Json);
}

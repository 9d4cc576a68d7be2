using System.Text.Json;
using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Scoring;

[Collection(SimulatedLoyaltyDataGroup.Name)]
public sealed class ScoringRunnerTests(SimulatedLoyaltyData data) : IAsyncLifetime
{
    private SqliteTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TrainedLoyaltyData.TrainedCopyAsync(data);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Training_on_the_simulated_program_activates_a_churn_model_that_beats_the_baseline_and_a_converged_lifetime_model()
    {
        var outcome = await TrainedLoyaltyData.OutcomeAsync(data);

        Assert.True(outcome.ChurnModel.Activated, outcome.ChurnModel.Reason);
        Assert.True(outcome.Churn!.Auc > outcome.Churn.BaselineAuc);
        Assert.True(outcome.LifetimeValueModel.Activated, outcome.LifetimeValueModel.Reason);
        Assert.Equal(data.End, outcome.LatestDate);
    }

    [Fact]
    public async Task Full_run_scores_every_customer_with_a_purchase_and_becomes_current()
    {
        var progress = new ImmediateProgress(_ => { });

        var result = await TrainedLoyaltyData.Runner(_db).RunFullAsync("test", progress);

        await using var db = _db.CreateContext();
        var buyers = await db.Orders.Where(o => o.OrderedAt < result.Cutoff).Select(o => o.CustomerId).Distinct().CountAsync();
        var run = await db.ScoringRuns.SingleAsync();
        Assert.Equal((ScoringRunStatus.Succeeded, true, ScoringRunKind.Full), (run.Status, run.IsCurrent, run.Kind));
        Assert.Equal(buyers, result.CustomersScored);
        Assert.Equal(buyers, await db.CustomerScores.CountAsync(s => s.ScoringRunId == run.Id));
        Assert.Equal(0, await db.CustomerScores.CountAsync(s => s.ScoringRunId == run.Id && s.NextBestOffersJson == "[]"));
        Assert.Equal(data.End, result.Cutoff);
        var timings = JsonSerializer.Deserialize<Dictionary<string, double>>(run.StageTimingsJson)!;
        Assert.Equal([ScoringStages.Features, ScoringStages.Churn, ScoringStages.Rfm, ScoringStages.Segments, ScoringStages.Lifetime, ScoringStages.Offers, ScoringStages.Write, ScoringStages.Publish],
            timings.Keys);
        Assert.Equal(timings.Keys, progress.Reports.Select(r => r.Stage).Distinct());
        Assert.Contains("\"Churn\":1", run.ModelVersionsJson);

        // Every customer is in one RFM segment and one micro-segment, and each segment's snapshot counts its members.
        var rfmMembers = await db.SegmentMemberships.Where(m => m.ScoringRunId == run.Id)
            .Join(db.Segments.Where(s => s.Kind == SegmentKind.Rfm), m => m.SegmentId, s => s.Id, (m, s) => m.CustomerId).CountAsync();
        var microMembers = await db.SegmentMemberships.Where(m => m.ScoringRunId == run.Id)
            .Join(db.Segments.Where(s => s.Kind == SegmentKind.Micro), m => m.SegmentId, s => s.Id, (m, s) => m.CustomerId).CountAsync();
        Assert.Equal((buyers, buyers), (rfmMembers, microMembers));
        var snapshots = await db.SegmentSnapshots.Where(s => s.ScoringRunId == run.Id).ToListAsync();
        Assert.Equal(2 * buyers, snapshots.Sum(s => s.Members));
        Assert.All(await db.Segments.Where(s => s.Kind == SegmentKind.Micro).ToListAsync(), s => Assert.Contains("coordinates", s.CentroidJson));

        // The scores hold real model output: risk spread over the bands, values positive, RFM in 1–5, reasons for risky customers.
        var scores = await db.CustomerScores.Where(s => s.ScoringRunId == run.Id).ToListAsync();
        Assert.Equal(3, scores.Select(s => s.ChurnRiskBand).Distinct().Count());
        Assert.All(scores, s => Assert.InRange(s.RfmRecency, 1, 5));
        Assert.True(scores.Average(s => (double)s.PredictedLifetimeValue) > 0);
        Assert.All(scores.Where(s => s.ChurnRiskBand == ChurnRiskBand.High).Take(50), s => Assert.Contains("sentence", s.ChurnReasonsJson));

        // The run records the thresholds it banded with, and each score carries the customer's spend, points and recency at the cut-off.
        Assert.Equal(ChurnRiskThresholds.Default, run.Thresholds);
        var yearAgo = result.Cutoff.AddDays(-365);
        var spend = await db.Orders.Where(o => o.OrderedAt >= yearAgo && o.OrderedAt < result.Cutoff)
            .GroupBy(o => o.CustomerId).Select(g => new { g.Key, Total = g.Sum(o => (double)o.Total), Last = g.Max(o => o.OrderedAt) })
            .ToDictionaryAsync(x => x.Key);
        foreach (var score in scores.Take(200))
        {
            var expected = spend.TryGetValue(score.CustomerId, out var s) ? s.Total : 0;
            Assert.Equal(expected, (double)score.Spend365, 1e-2 + (expected * 1e-6));
            Assert.NotNull(score.DaysSinceLastPurchase);
        }
        Assert.All(scores.Where(s => spend.ContainsKey(s.CustomerId)).Take(200),
            s => Assert.Equal((int)Math.Floor((result.Cutoff - spend[s.CustomerId].Last).TotalDays), s.DaysSinceLastPurchase));
        var points = await db.PointsLedger.Where(e => e.OccurredAt < result.Cutoff).GroupBy(e => e.CustomerId)
            .Select(g => new { g.Key, Balance = g.Sum(e => e.Points) }).ToDictionaryAsync(x => x.Key, x => x.Balance);
        Assert.All(scores.Take(200), s => Assert.Equal(points.GetValueOrDefault(s.CustomerId), (double)s.PointsBalance, 0.5));
        Assert.True(scores.Sum(s => s.Spend365) > 0);
    }

    [Fact]
    public async Task Reasons_write_money_in_the_display_culture_the_options_name()
    {
        var options = new ScoringOptions().UseDisplayCulture("de-DE");
        var runner = new ScoringRunner(_db.Factory, new SqlFeatureBuilder(_db.Factory), new ModelVersionRegistry(_db.Factory, TimeProvider.System),
            options, TimeProvider.System);

        await runner.RunFullAsync("test", new ImmediateProgress(_ => { }));

        await using var db = _db.CreateContext();
        var stored = await db.CustomerScores.Select(s => s.ChurnReasonsJson).Where(r => r != "[]").ToListAsync();
        var sentences = stored.SelectMany(json => JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(reason => reason.GetProperty("sentence").GetString()!)).ToList();
        // The simulated program has low spenders among its at-risk customers, whose reasons name an amount of money.
        Assert.Contains(sentences, s => s.StartsWith("Spent only ", StringComparison.Ordinal) && s.Contains(" €", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains('$', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_full_run_replaces_the_first_and_records_where_customers_came_from()
    {
        var runner = TrainedLoyaltyData.Runner(_db);
        var first = await runner.RunFullAsync("test");

        var second = await runner.RunFullAsync("test");

        await using var db = _db.CreateContext();
        var runs = await db.ScoringRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(first.RunId, false), (second.RunId, true)], runs.Select(r => (r.Id, r.IsCurrent)));
        var memberships = await db.SegmentMemberships.Where(m => m.ScoringRunId == second.RunId).ToListAsync();
        Assert.All(memberships, m => Assert.NotNull(m.PreviousSegmentId));
        // Same data, same cut-off: the micro-segments are found again under the same keys, nobody moves.
        Assert.All(memberships, m => Assert.Equal(m.SegmentId, m.PreviousSegmentId));
        Assert.Equal(0, await db.Segments.CountAsync(s => s.RetiredAt != null));
    }

    [Fact]
    public async Task Failing_stage_marks_the_run_failed_removes_its_rows_and_keeps_the_previous_run_current()
    {
        var runner = TrainedLoyaltyData.Runner(_db);
        var first = await runner.RunFullAsync("test");
        var failing = new ImmediateProgress(p =>
        {
            if (p.Stage == ScoringStages.Publish)
                throw new InvalidOperationException("Disk full while publishing.");
        });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunFullAsync("test", failing));

        Assert.Equal("Disk full while publishing.", ex.Message);
        await using var db = _db.CreateContext();
        var failed = await db.ScoringRuns.SingleAsync(r => r.Id != first.RunId);
        Assert.Equal((ScoringRunStatus.Failed, false, "Disk full while publishing."), (failed.Status, failed.IsCurrent, failed.Error));
        Assert.Equal(0, await db.CustomerScores.CountAsync(s => s.ScoringRunId == failed.Id));
        Assert.Equal(0, await db.SegmentMemberships.CountAsync(s => s.ScoringRunId == failed.Id));
        Assert.Equal(0, await db.SegmentSnapshots.CountAsync(s => s.ScoringRunId == failed.Id));
        Assert.True((await db.ScoringRuns.SingleAsync(r => r.Id == first.RunId)).IsCurrent);
        Assert.Equal(first.CustomersScored, await db.CustomerScores.CountAsync(s => s.ScoringRunId == first.RunId));
    }

    [Fact]
    public async Task Failing_feature_stage_marks_the_run_failed_with_the_error()
    {
        var runner = TrainedLoyaltyData.Runner(_db, new FailingFeatureBuilder());

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunFullAsync("test"));

        await using var db = _db.CreateContext();
        var run = await db.ScoringRuns.SingleAsync();
        Assert.Equal((ScoringRunStatus.Failed, "The orders table is locked."), (run.Status, run.Error));
        Assert.Equal(0, await db.CustomerScores.CountAsync());
    }

    [Fact]
    public async Task Cancelled_run_is_recorded_as_cancelled_and_leaves_nothing_behind()
    {
        var runner = TrainedLoyaltyData.Runner(_db);
        var first = await runner.RunFullAsync("test");
        using var cancel = new CancellationTokenSource();
        var cancelAtPublish = new ImmediateProgress(p =>
        {
            if (p.Stage == ScoringStages.Publish)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunFullAsync("test", cancelAtPublish, cancel.Token));

        await using var db = _db.CreateContext();
        var cancelled = await db.ScoringRuns.SingleAsync(r => r.Id != first.RunId);
        Assert.Equal((ScoringRunStatus.Cancelled, false), (cancelled.Status, cancelled.IsCurrent));
        Assert.Equal(0, await db.CustomerScores.CountAsync(s => s.ScoringRunId == cancelled.Id));
        Assert.True((await db.ScoringRuns.SingleAsync(r => r.Id == first.RunId)).IsCurrent);
    }

    [Fact]
    public async Task Incremental_run_rescores_marked_customers_copies_the_rest_and_clears_the_marks()
    {
        var runner = TrainedLoyaltyData.Runner(_db);
        var full = await runner.RunFullAsync("test");
        long[] marked;
        await using (var db = _db.CreateContext())
        {
            marked = await db.CustomerScores.Where(s => s.ScoringRunId == full.RunId).OrderBy(s => s.CustomerId).Select(s => s.CustomerId).Take(40).ToArrayAsync();
            await db.Customers.Where(c => marked.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.RescoreRequestedAt, data.End));
        }

        var result = await runner.RunIncrementalAsync("api");

        Assert.NotNull(result);
        await using var check = _db.CreateContext();
        var run = await check.ScoringRuns.SingleAsync(r => r.Id == result.RunId);
        Assert.Equal((ScoringRunKind.Incremental, true, 40), (run.Kind, run.IsCurrent, run.CustomersScored));
        Assert.False((await check.ScoringRuns.SingleAsync(r => r.Id == full.RunId)).IsCurrent);
        Assert.Equal(full.CustomersScored - 40, result.CustomersCopied);
        Assert.Equal(full.CustomersScored, await check.CustomerScores.CountAsync(s => s.ScoringRunId == run.Id));
        Assert.Equal(await check.SegmentMemberships.CountAsync(m => m.ScoringRunId == full.RunId),
            await check.SegmentMemberships.CountAsync(m => m.ScoringRunId == run.Id));
        Assert.Equal(0, await check.Customers.CountAsync(c => c.RescoreRequestedAt != null));
        // Same data and models: a re-scored customer gets the score the full run gave.
        var before = await check.CustomerScores.Where(s => s.ScoringRunId == full.RunId && marked.Contains(s.CustomerId)).OrderBy(s => s.CustomerId).Select(s => s.ChurnScore).ToListAsync();
        var after = await check.CustomerScores.Where(s => s.ScoringRunId == run.Id && marked.Contains(s.CustomerId)).OrderBy(s => s.CustomerId).Select(s => s.ChurnScore).ToListAsync();
        Assert.Equal(before, after);
        // Offers, like RFM and segments, are population-wide: the re-scored customers keep theirs until the next full run.
        var offersBefore = await check.CustomerScores.Where(s => s.ScoringRunId == full.RunId && marked.Contains(s.CustomerId)).OrderBy(s => s.CustomerId).Select(s => s.NextBestOffersJson).ToListAsync();
        var offersAfter = await check.CustomerScores.Where(s => s.ScoringRunId == run.Id && marked.Contains(s.CustomerId)).OrderBy(s => s.CustomerId).Select(s => s.NextBestOffersJson).ToListAsync();
        Assert.Equal(offersBefore, offersAfter);
        Assert.DoesNotContain("[]", offersAfter);
        Assert.Null(await runner.RunIncrementalAsync("api"));
    }

    [Fact]
    public async Task Full_run_without_a_trained_churn_model_says_to_train_first_and_starts_no_run()
    {
        await using var untrained = await TrainedLoyaltyData.UntrainedCopyAsync(data);

        var ex = await Assert.ThrowsAsync<ScoringNotReadyException>(() => TrainedLoyaltyData.Runner(untrained).RunFullAsync("test"));

        Assert.Equal("No churn model is trained yet — run `loyalty train` first.", ex.Message);
        await using var db = untrained.CreateContext();
        Assert.Equal(0, await db.ScoringRuns.CountAsync());
    }

    private sealed class FailingFeatureBuilder : IFeatureBuilder
    {
        public Task<FeatureTable> BuildAsync(DateTime cutoff, IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The orders table is locked.");
    }
}

using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LoyaltyStudio.Data.Tests.Schema;

/// <summary>The tables of a scoring run's snapshot: what they keep, what they refuse, and that they go with their run.</summary>
public sealed class ScoringSnapshotSchemaTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc);
    private SqliteTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Snapshot_rows_keep_rfm_spend_profiles_kind_and_model_versions()
    {
        var customer = (await _db.AddAsync(Sample.Customer("C-1")))[0];
        var segment = new Segment(SegmentKind.Micro, "micro:1", "App-first regulars", "", T0);
        segment.UpdateProfile("""{"size":1}""", """{"centre":[0.5]}""");
        await _db.AddAsync(segment);
        var run = new ScoringRun(T0.Date, T0, "test", ScoringRunKind.Incremental);
        run.RecordModelVersions("""{"Churn":2}""");
        await _db.AddAsync(run);
        await _db.AddAsync(new CustomerScore(run.Id, customer.Id, 0.4, ChurnRiskThresholds.Default, "[]", 0.8, 1.5, 42.5m, 250m,
            new RfmScore(5, 2, 4), segment.Id, null, "[]"));
        await _db.AddAsync(new SegmentSnapshot(run.Id, segment.Id, 1, 250m, 40, """{"size":1}"""));

        await using var context = _db.CreateContext();
        var score = await context.CustomerScores.SingleAsync();
        var readRun = await context.ScoringRuns.SingleAsync();
        var readSegment = await context.Segments.SingleAsync();
        var snapshot = await context.SegmentSnapshots.SingleAsync();

        Assert.Equal((5, 2, 4, 42.5m), (score.RfmRecency, score.RfmFrequency, score.RfmMonetary, score.ExpectedSpendPerOrder));
        Assert.Equal((ScoringRunKind.Incremental, """{"Churn":2}"""), (readRun.Kind, readRun.ModelVersionsJson));
        Assert.Equal("""{"centre":[0.5]}""", readSegment.CentroidJson);
        Assert.Equal((1, 250m, 40.0), (snapshot.Members, snapshot.AverageLifetimeValue, snapshot.AverageChurnScore));
    }

    [Fact]
    public async Task Second_snapshot_of_a_segment_in_the_same_run_is_refused()
    {
        var segment = (await _db.AddAsync(new Segment(SegmentKind.Rfm, "rfm:champions", "Champions", "", T0)))[0];
        var run = (await _db.AddAsync(new ScoringRun(T0.Date, T0, "test")))[0];
        await _db.AddAsync(new SegmentSnapshot(run.Id, segment.Id, 3, 10m, 20, "{}"));

        await Assert.ThrowsAsync<DbUpdateException>(() => _db.AddAsync(new SegmentSnapshot(run.Id, segment.Id, 4, 10m, 20, "{}")));
    }

    [Fact]
    public async Task Deleting_a_run_removes_its_snapshots_but_keeps_the_segment()
    {
        var segment = (await _db.AddAsync(new Segment(SegmentKind.Rfm, "rfm:lost", "Lost", "", T0)))[0];
        var run = (await _db.AddAsync(new ScoringRun(T0.Date, T0, "test")))[0];
        await _db.AddAsync(new SegmentSnapshot(run.Id, segment.Id, 3, 10m, 20, "{}"));

        await using (var context = _db.CreateContext())
            await context.ScoringRuns.Where(r => r.Id == run.Id).ExecuteDeleteAsync();

        await using var check = _db.CreateContext();
        Assert.Equal(0, await check.SegmentSnapshots.CountAsync());
        Assert.Equal(1, await check.Segments.CountAsync());
    }

    [Fact]
    public void SqlServer_script_has_the_snapshot_table_and_the_segment_page_indexes()
    {
        using var context = SqlServerDesignContext.Create();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("[AverageLifetimeValue] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[ExpectedSpendPerOrder] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_SegmentSnapshots_ScoringRunId_SegmentId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_CustomerScores_ScoringRunId_MicroSegmentId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_CustomerScores_ScoringRunId_RfmSegmentId]", script, StringComparison.Ordinal);
    }
}

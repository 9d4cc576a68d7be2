using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Tests.Common;

namespace LoyaltyStudio.Domain.Tests.Scoring;

public class ScoringRunTests
{
    private static readonly DateTime T0 = new(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    public static TheoryData<ScoringRunStatus, ScoringRunStatus, bool> AllPairs => TransitionCases.AllPairs(
        (ScoringRunStatus.Running, ScoringRunStatus.Succeeded),
        (ScoringRunStatus.Running, ScoringRunStatus.Failed),
        (ScoringRunStatus.Running, ScoringRunStatus.Cancelled));

    public static TheoryData<ScoringRunStatus, ScoringRunStatus, bool> PairsWithAnAction
    {
        get
        {
            var data = new TheoryData<ScoringRunStatus, ScoringRunStatus, bool>();
            foreach (var row in AllPairs.Where(r => (ScoringRunStatus)r[1] != ScoringRunStatus.Running))
                data.Add((ScoringRunStatus)row[0], (ScoringRunStatus)row[1], (bool)row[2]);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Lifecycle_table_allows_exactly_the_documented_moves(ScoringRunStatus from, ScoringRunStatus to, bool allowed) =>
        Assert.Equal(allowed, ScoringRun.Lifecycle.CanMove(from, to));

    [Theory]
    [MemberData(nameof(PairsWithAnAction))]
    public void Run_finishes_once_and_only_from_running(ScoringRunStatus from, ScoringRunStatus to, bool allowed)
    {
        var run = RunIn(from);

        if (allowed)
        {
            MoveTo(run, to);
            Assert.Equal(to, run.Status);
            Assert.Equal(T0.AddMinutes(9), run.FinishedAt);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => MoveTo(run, to));
            Assert.Contains($"Scoring run 0 is {from} and cannot become {to}", ex.Message);
            Assert.Equal(from, run.Status);
        }
    }

    [Fact]
    public void New_run_is_running_and_not_current()
    {
        var run = new ScoringRun(T0.Date, T0, "scheduler");

        Assert.Equal((ScoringRunStatus.Running, false, "scheduler"), (run.Status, run.IsCurrent, run.TriggeredBy));
        Assert.Null(run.FinishedAt);
    }

    [Fact]
    public void Success_records_count_and_timings()
    {
        var run = new ScoringRun(T0.Date, T0, "admin");

        run.Succeed(T0.AddMinutes(3), 5000, """{"features":1.2}""");

        Assert.Equal((5000, """{"features":1.2}"""), (run.CustomersScored, run.StageTimingsJson));
    }

    [Fact]
    public void Failure_records_the_error()
    {
        var run = new ScoringRun(T0.Date, T0, "admin");

        run.Fail(T0.AddMinutes(1), "Churn model missing.");

        Assert.Equal("Churn model missing.", run.Error);
    }

    [Fact]
    public void Succeeded_run_can_become_current_and_be_retired()
    {
        var run = RunIn(ScoringRunStatus.Succeeded);

        run.MakeCurrent();
        Assert.True(run.IsCurrent);

        run.Retire();
        Assert.False(run.IsCurrent);
    }

    [Theory]
    [InlineData(ScoringRunStatus.Running)]
    [InlineData(ScoringRunStatus.Failed)]
    [InlineData(ScoringRunStatus.Cancelled)]
    public void Only_a_succeeded_run_can_become_current(ScoringRunStatus status)
    {
        var run = RunIn(status);

        var ex = Assert.Throws<DomainException>(run.MakeCurrent);

        Assert.Contains($"is {status}; only a succeeded run can become current", ex.Message);
        Assert.False(run.IsCurrent);
    }

    [Fact]
    public void Run_is_full_unless_asked_to_be_incremental()
    {
        Assert.Equal(ScoringRunKind.Full, new ScoringRun(T0.Date, T0, "admin").Kind);
        Assert.Equal(ScoringRunKind.Incremental, new ScoringRun(T0.Date, T0, "api", ScoringRunKind.Incremental).Kind);
    }

    [Fact]
    public void Unknown_run_kind_is_refused() =>
        Assert.Contains("'7' is not a kind of scoring run", Assert.Throws<DomainException>(() => new ScoringRun(T0.Date, T0, "admin", (ScoringRunKind)7)).Message);

    [Fact]
    public void Model_versions_are_recorded_while_the_run_runs()
    {
        var run = new ScoringRun(T0.Date, T0, "admin");

        run.RecordModelVersions("""{"Churn":3}""");

        Assert.Equal("""{"Churn":3}""", run.ModelVersionsJson);
    }

    [Theory]
    [InlineData(ScoringRunStatus.Succeeded)]
    [InlineData(ScoringRunStatus.Failed)]
    public void Model_versions_of_a_finished_run_cannot_be_rewritten(ScoringRunStatus status)
    {
        var run = RunIn(status);

        var ex = Assert.Throws<DomainException>(() => run.RecordModelVersions("""{"Churn":9}"""));

        Assert.Contains("can only be recorded while it runs", ex.Message);
        Assert.Equal("{}", run.ModelVersionsJson);
    }

    [Fact]
    public void Empty_model_version_record_is_refused() =>
        Assert.Throws<DomainException>(() => new ScoringRun(T0.Date, T0, "admin").RecordModelVersions(" "));

    private static ScoringRun RunIn(ScoringRunStatus status)
    {
        var run = new ScoringRun(T0.Date, T0, "admin");
        switch (status)
        {
            case ScoringRunStatus.Succeeded: run.Succeed(T0.AddMinutes(5), 10, "{}"); break;
            case ScoringRunStatus.Failed: run.Fail(T0.AddMinutes(5), "boom"); break;
            case ScoringRunStatus.Cancelled: run.Cancel(T0.AddMinutes(5)); break;
        }
        return run;
    }

    private static void MoveTo(ScoringRun run, ScoringRunStatus to)
    {
        var at = T0.AddMinutes(9);
        switch (to)
        {
            case ScoringRunStatus.Succeeded: run.Succeed(at, 10, "{}"); break;
            case ScoringRunStatus.Failed: run.Fail(at, "Out of memory."); break;
            case ScoringRunStatus.Cancelled: run.Cancel(at); break;
            default: throw new ArgumentOutOfRangeException(nameof(to));
        }
    }

    [Fact]
    public void Run_records_the_thresholds_it_bands_with_only_while_it_runs()
    {
        var run = new ScoringRun(T0.Date, T0, "admin");
        Assert.Equal(ChurnRiskThresholds.Default, run.Thresholds);

        run.RecordThresholds(new ChurnRiskThresholds(30, 60));
        Assert.Equal((30, 60), (run.MediumRiskFrom, run.HighRiskFrom));

        run.Succeed(T0.AddMinutes(1), 10, "{}");
        Assert.Contains("only be recorded while it runs", Assert.Throws<DomainException>(() => run.RecordThresholds(ChurnRiskThresholds.Default)).Message);
    }
}

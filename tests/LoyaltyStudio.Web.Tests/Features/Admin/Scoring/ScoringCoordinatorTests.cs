using System.Collections.Concurrent;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

[Collection(SimulatedScoringDatabaseGroup.Name)]
public sealed class ScoringCoordinatorTests(SimulatedScoringDatabase simulated)
{
    [Fact]
    public async Task Run_without_models_trains_then_scores_and_the_run_becomes_current()
    {
        await using var db = await simulated.CopyAsync();
        var coordinator = RealScoring.Coordinator(db.Factory, TimeProvider.System);
        var seen = new ConcurrentQueue<(ScoringActivity Activity, string? Stage)>();
        coordinator.StateChanged += (_, _) => seen.Enqueue((coordinator.State.Activity, coordinator.State.Stage));

        var result = await coordinator.RunFullAsync("admin@demo.local");

        var state = coordinator.State;
        Assert.Equal(ScoringActivity.Idle, state.Activity);
        Assert.Null(state.LastError);
        Assert.Same(result, state.LastResult);
        Assert.True(state.LastTraining?.ChurnModel.Activated, state.LastTraining?.ChurnModel.Reason);
        Assert.Contains(seen, s => s is (ScoringActivity.Training, ScoringStages.TrainChurn));
        Assert.Contains(seen, s => s is (ScoringActivity.Scoring, ScoringStages.Churn));

        var current = await coordinator.FindCurrentRunAsync();
        Assert.NotNull(current);
        Assert.Equal(result.RunId, current.Id);
        Assert.Equal(ScoringRunKind.Full, current.Kind);
        Assert.Equal("admin@demo.local", current.TriggeredBy);
        Assert.Equal(result.CustomersScored, current.CustomersScored);
        Assert.True(current.CustomersScored > 1000, $"{current.CustomersScored} customers scored");
        Assert.Contains(ScoringStages.Publish, current.StageSeconds.Keys);
        await using var context = db.Factory.CreateDbContext();
        Assert.Equal(current.CustomersScored, await context.CustomerScores.CountAsync(s => s.ScoringRunId == current.Id));
    }

    [Fact]
    public async Task Request_while_work_is_in_progress_is_refused_with_a_message_saying_what_runs()
    {
        await using var db = await TempSqliteDatabase.CreateMigratedAsync();
        var coordinator = RealScoring.Coordinator(db.Factory, TimeProvider.System);
        var training = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        // Holds the first run on its own thread as it starts training, so the second request certainly meets it.
        coordinator.StateChanged += (_, _) =>
        {
            if (coordinator.State.Activity == ScoringActivity.Training && training.TrySetResult())
                release.Wait(TimeSpan.FromMinutes(1));
        };

        var first = coordinator.RunFullAsync("admin@demo.local");
        await training.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var refused = Assert.Throws<ScoringBusyException>(() => { _ = coordinator.RunFullAsync("marketer@demo.local"); });
        var refusedTraining = Assert.Throws<ScoringBusyException>(() => { _ = coordinator.TrainAsync("marketer@demo.local"); });
        release.Set();

        Assert.Contains("A training started by admin@demo.local", refused.Message);
        Assert.Contains("One runs at a time", refused.Message);
        Assert.Equal(refused.Message, refusedTraining.Message);
        // The empty database then stops the first run, and the failure is kept for the Admin page.
        var failure = await Assert.ThrowsAsync<ScoringNotReadyException>(() => first);
        Assert.Equal(ScoringActivity.Idle, coordinator.State.Activity);
        Assert.Equal(failure.Message, coordinator.State.LastError);
        Assert.Contains("holds no orders", coordinator.State.LastError);
    }

    [Fact]
    public async Task After_a_failure_the_next_request_is_accepted()
    {
        await using var db = await TempSqliteDatabase.CreateMigratedAsync();
        var coordinator = RealScoring.Coordinator(db.Factory, TimeProvider.System);
        await Assert.ThrowsAsync<ScoringNotReadyException>(() => coordinator.TrainAsync("admin@demo.local"));

        var again = await Assert.ThrowsAsync<ScoringNotReadyException>(() => coordinator.RunFullAsync("admin@demo.local"));

        Assert.Contains("holds no orders", again.Message);
        Assert.Null(await coordinator.FindCurrentRunAsync());
    }

    [Fact]
    public async Task Incremental_run_with_nobody_marked_does_nothing_and_reports_no_failure()
    {
        await using var db = await TempSqliteDatabase.CreateMigratedAsync();
        var coordinator = RealScoring.Coordinator(db.Factory, TimeProvider.System);

        var result = await coordinator.RunIncrementalAsync("schedule");

        Assert.Null(result);
        Assert.Null(coordinator.State.LastError);
        Assert.Null(coordinator.State.LastResult);
        Assert.Equal(ScoringActivity.Idle, coordinator.State.Activity);
    }
}

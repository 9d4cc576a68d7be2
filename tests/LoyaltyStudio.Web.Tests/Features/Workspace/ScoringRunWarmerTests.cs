using System.Threading.Channels;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Workspace;

public sealed class ScoringRunWarmerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Warms_at_start_and_again_as_soon_as_a_scoring_run_finishes_not_while_one_is_busy()
    {
        var coordinator = new RaisingCoordinator();
        using var warmer = new CountingWarmer(coordinator);
        await warmer.StartAsync(CancellationToken.None);

        Assert.Equal(1, await warmer.Warmed.Reader.ReadAsync().AsTask().WaitAsync(Wait));

        coordinator.Raise(new ScoringState { Activity = ScoringActivity.Scoring });
        coordinator.Raise(ScoringState.Initial); // the run finished
        Assert.Equal(2, await warmer.Warmed.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.False(warmer.Warmed.Reader.TryRead(out _)); // the busy state woke nothing

        await warmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_warm_is_logged_and_the_next_run_warms_again()
    {
        var coordinator = new RaisingCoordinator();
        using var warmer = new CountingWarmer(coordinator) { FailFirst = true };
        await warmer.StartAsync(CancellationToken.None);

        Assert.Equal(1, await warmer.Warmed.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.IsType<InvalidOperationException>(await warmer.Failures.Reader.ReadAsync().AsTask().WaitAsync(Wait));

        coordinator.Raise(ScoringState.Initial);
        Assert.Equal(2, await warmer.Warmed.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        await warmer.StopAsync(CancellationToken.None);
    }

    private sealed class CountingWarmer(IScoringCoordinator coordinator)
        : ScoringRunWarmer(new ServiceCollection().AddSingleton(coordinator).BuildServiceProvider(), TimeSpan.FromHours(1))
    {
        private int _count;

        public bool FailFirst { get; init; }

        public Channel<int> Warmed { get; } = Channel.CreateUnbounded<int>();

        public Channel<Exception> Failures { get; } = Channel.CreateUnbounded<Exception>();

        protected override Task WarmAsync(CancellationToken cancellationToken)
        {
            var count = Interlocked.Increment(ref _count);
            Warmed.Writer.TryWrite(count);
            return FailFirst && count == 1 ? throw new InvalidOperationException("database away") : Task.CompletedTask;
        }

        protected override void LogWarmFailed(Exception exception) => Failures.Writer.TryWrite(exception);
    }

    private sealed class RaisingCoordinator : IScoringCoordinator
    {
        public ScoringState State { get; private set; } = ScoringState.Initial;

        public event EventHandler? StateChanged;

        public void Raise(ScoringState state)
        {
            State = state;
            StateChanged?.Invoke(this, EventArgs.Empty);
        }

        public Task<CurrentScoringRun?> FindCurrentRunAsync(CancellationToken cancellationToken = default) => Task.FromResult<CurrentScoringRun?>(null);

        public Task<ScoringRunResult> RunFullAsync(string requestedBy, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ScoringRunResult?> RunIncrementalAsync(string requestedBy, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TrainingOutcome> TrainAsync(string requestedBy, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}

using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>
/// The web app's one entry to training and scoring: one piece of work at a time (a second request is refused at once
/// with <see cref="ScoringBusyException"/>), run off the caller's thread, with its progress and outcome kept in
/// <see cref="State"/> for the Admin page. Work stops when the app shuts down.
/// </summary>
public sealed class ScoringCoordinator : IScoringCoordinator, IDisposable
{
    private readonly IDbContextFactory<LoyaltyDbContext> _contexts;
    private readonly ScoringRunner _runner;
    private readonly Trainer _trainer;
    private readonly ModelVersionRegistry _registry;
    private readonly ScoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ScoringCoordinator> _log;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private int _disposed;

    // Taken once: reading _shutdown.Token after Dispose throws, while this token stays readable (and cancelled).
    private readonly CancellationToken _stopping;
    private ScoringState _state = ScoringState.Initial;

    public ScoringCoordinator(IDbContextFactory<LoyaltyDbContext> contexts, ScoringRunner runner, Trainer trainer,
        ModelVersionRegistry registry, ScoringOptions options, TimeProvider time, ILogger<ScoringCoordinator> log)
    {
        _contexts = contexts;
        _runner = runner;
        _trainer = trainer;
        _registry = registry;
        _options = options;
        _time = time;
        _log = log;
        _stopping = _shutdown.Token;
    }

    public ScoringState State
    {
        get
        {
            lock (_gate)
                return _state;
        }
    }

    public event EventHandler? StateChanged;

    public async Task<CurrentScoringRun?> FindCurrentRunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
            return null;
        var stages = JsonSerializer.Deserialize<Dictionary<string, double>>(run.StageTimingsJson) ?? [];
        return new CurrentScoringRun(run.Id, run.Kind, run.CutoffDate, run.StartedAt, run.FinishedAt, run.TriggeredBy,
            run.CustomersScored, stages);
    }

    /// <summary>True when the database has an order to score and no scoring run is current yet.</summary>
    public async Task<bool> NeedsFirstRunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return !await db.ScoringRuns.AnyAsync(r => r.IsCurrent, cancellationToken) && await db.Orders.AnyAsync(cancellationToken);
    }

    public Task<ScoringRunResult> RunFullAsync(string requestedBy, CancellationToken cancellationToken = default) =>
        Start(requestedBy, ScoringActivity.Scoring, async (progress, ct) =>
        {
            if (!await HasActiveModelsAsync(ct))
            {
                Update(s => s with { Activity = ScoringActivity.Training });
                var training = await TrainCoreAsync(requestedBy, progress, ct);
                if (!await HasActiveModelsAsync(ct))
                {
                    var reasons = string.Join(" ", new[] { training.ChurnModel.Reason, training.LifetimeValueModel.Reason }.OfType<string>());
                    throw new ScoringNotReadyException($"Scoring needs an active churn and lifetime-value model, and training did not produce both. {reasons}".TrimEnd());
                }
                Update(s => s with { Activity = ScoringActivity.Scoring, Stage = null, Done = 0, Total = 0 });
            }
            var result = await _runner.RunFullAsync(requestedBy, progress, ct);
            Update(s => s with { LastResult = result });
            return result;
        }, cancellationToken);

    public Task<ScoringRunResult?> RunIncrementalAsync(string requestedBy, CancellationToken cancellationToken = default) =>
        Start(requestedBy, ScoringActivity.Scoring, async (progress, ct) =>
        {
            ScoringRunResult? result;
            try
            {
                result = await _runner.RunIncrementalAsync(requestedBy, progress, ct);
            }
            catch (ScoringNotReadyException e)
            {
                // Marked customers who are new since the current run, or no run yet: the next full run scores them.
                // Nothing was started, so this is not a failure to show on the Admin page.
                _log.LogInformation("No incremental scoring run: {Reason}", e.Message);
                return null;
            }
            if (result is not null)
                Update(s => s with { LastResult = result });
            return result;
        }, cancellationToken);

    public Task<TrainingOutcome> TrainAsync(string requestedBy, CancellationToken cancellationToken = default) =>
        Start(requestedBy, ScoringActivity.Training, (progress, ct) => TrainCoreAsync(requestedBy, progress, ct), cancellationToken);

    /// <summary>
    /// Cancels work in progress. Safe to call more than once: the container disposes this instance twice at shutdown,
    /// once as <see cref="ScoringCoordinator"/> and once as the <see cref="IScoringCoordinator"/> its factory returned.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private async Task<TrainingOutcome> TrainCoreAsync(string requestedBy, IProgress<ScoringProgress> progress, CancellationToken ct)
    {
        var outcome = await _trainer.TrainAsync(null, _options, requestedBy, progress, ct);
        Update(s => s with { LastTraining = outcome });
        return outcome;
    }

    private async Task<bool> HasActiveModelsAsync(CancellationToken ct) =>
        await _registry.GetActiveAsync(ModelKind.Churn, ct) is not null
        && await _registry.GetActiveAsync(ModelKind.LifetimeValue, ct) is not null;

    /// <summary>Claims the one slot synchronously (so a refusal is immediate), then runs the work on the thread pool.</summary>
    private Task<T> Start<T>(string requestedBy, ScoringActivity activity,
        Func<IProgress<ScoringProgress>, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        lock (_gate)
        {
            if (_state.IsBusy)
                throw new ScoringBusyException(BusyMessage(_state));
            _state = _state with
            {
                Activity = activity, Stage = null, Done = 0, Total = 0, StartedAt = _time.GetUtcNow(), StartedBy = requestedBy,
            };
        }
        RaiseChanged();
        return Task.Run(() => RunAsync(work, cancellationToken), CancellationToken.None);
    }

    private async Task<T> RunAsync<T>(Func<IProgress<ScoringProgress>, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            var result = await work(new StateProgress(this), linked.Token);
            Update(s => Idle(s) with { LastError = null });
            return result;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Update(s => Idle(s) with { LastError = "The last run was cancelled before it finished; the previous scoring run stays current." });
            throw;
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Scoring work started by {StartedBy} failed: {Message}", State.StartedBy, e.Message);
            Update(s => Idle(s) with { LastError = e.Message });
            throw;
        }
    }

    private ScoringState Idle(ScoringState s) =>
        s with { Activity = ScoringActivity.Idle, Stage = null, Done = 0, Total = 0, LastFinishedAt = _time.GetUtcNow() };

    private static string BusyMessage(ScoringState s)
    {
        var what = s.Activity == ScoringActivity.Training ? "A training" : "A scoring run";
        var stage = s.Stage is null ? "" : $", now at stage '{s.Stage}'";
        return $"{what} started by {s.StartedBy} at {s.StartedAt:HH:mm:ss} UTC is in progress{stage}. " +
               "One runs at a time: wait for it to finish, then try again.";
    }

    private void Update(Func<ScoringState, ScoringState> change)
    {
        lock (_gate)
            _state = change(_state);
        RaiseChanged();
    }

    private void RaiseChanged() => StateChanged?.Invoke(this, EventArgs.Empty);

    /// <summary>Reports straight into the state (not through <see cref="Progress{T}"/>, which would post to a context).</summary>
    private sealed class StateProgress(ScoringCoordinator owner) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value) =>
            owner.Update(s => s with
            {
                Activity = value.Stage.StartsWith("train", StringComparison.Ordinal) ? ScoringActivity.Training : ScoringActivity.Scoring,
                Stage = value.Stage,
                Done = value.Done,
                Total = value.Total,
            });
    }
}

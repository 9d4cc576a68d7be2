using LoyaltyStudio.Intelligence.Scoring;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>
/// Runs training and scoring for the web app, one at a time, for the background service and the Admin page alike,
/// and publishes where it is through <see cref="State"/> and <see cref="StateChanged"/>.
/// </summary>
public interface IScoringCoordinator
{
    ScoringState State { get; }

    /// <summary>Raised (on the working thread) whenever <see cref="State"/> changes.</summary>
    event EventHandler? StateChanged;

    /// <summary>The current scoring run as recorded in the database; null before the first run.</summary>
    Task<CurrentScoringRun?> FindCurrentRunAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A full scoring run, training first when no churn or lifetime-value model is active.
    /// Throws <see cref="ScoringBusyException"/> at once when other work is in progress.
    /// </summary>
    Task<ScoringRunResult> RunFullAsync(string requestedBy, CancellationToken cancellationToken = default);

    /// <summary>An incremental run for the customers marked for re-scoring; null when nobody is marked.</summary>
    Task<ScoringRunResult?> RunIncrementalAsync(string requestedBy, CancellationToken cancellationToken = default);

    /// <summary>Trains the churn and lifetime-value models; each is activated only if it passes its bar.</summary>
    Task<TrainingOutcome> TrainAsync(string requestedBy, CancellationToken cancellationToken = default);
}

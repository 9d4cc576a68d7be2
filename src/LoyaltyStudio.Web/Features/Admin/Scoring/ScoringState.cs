using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Scoring;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>What the scoring coordinator is doing.</summary>
public enum ScoringActivity
{
    Idle = 0,
    Training = 1,
    Scoring = 2,
}

/// <summary>
/// A snapshot of the scoring coordinator: what it is doing now (stage, <see cref="Done"/> of <see cref="Total"/>, since
/// when, for whom) and how the last piece of work ended. Immutable; the coordinator swaps it and raises its change event.
/// </summary>
public sealed record ScoringState
{
    public static readonly ScoringState Initial = new();

    public ScoringActivity Activity { get; init; } = ScoringActivity.Idle;

    /// <summary>The stage of the work in progress (features, churn, …, train churn); null when idle.</summary>
    public string? Stage { get; init; }
    public int Done { get; init; }
    public int Total { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? StartedBy { get; init; }

    /// <summary>The last scoring run this app finished (made current), if any since it started.</summary>
    public ScoringRunResult? LastResult { get; init; }

    /// <summary>The last training this app finished, if any since it started.</summary>
    public TrainingOutcome? LastTraining { get; init; }

    /// <summary>Why the last piece of work failed; cleared when the next one succeeds.</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? LastFinishedAt { get; init; }

    public bool IsBusy => Activity != ScoringActivity.Idle;

    /// <summary>Share of the current stage done, 0–100; null when the stage has no measurable size.</summary>
    public double? PercentDone => Total > 1 ? Math.Clamp(100.0 * Done / Total, 0, 100) : null;
}

/// <summary>The scoring run that pages read now: when it ran, how many customers it scored, seconds per stage.</summary>
public sealed record CurrentScoringRun(
    long Id,
    ScoringRunKind Kind,
    DateTime Cutoff,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string TriggeredBy,
    int CustomersScored,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    public double TotalSeconds => StageSeconds.Values.Sum();
}

using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>Where a scoring run is.</summary>
public enum ScoringRunStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// One pass of features → models → snapshot of customer scores. Only a succeeded run can
/// become current, and at most one run is current at a time (the scoring service swaps it atomically).
/// </summary>
public class ScoringRun
{
    public static readonly TransitionTable<ScoringRunStatus> Lifecycle = new TransitionTable<ScoringRunStatus>()
        .Allow(ScoringRunStatus.Running, ScoringRunStatus.Succeeded, ScoringRunStatus.Failed, ScoringRunStatus.Cancelled);

    public long Id { get; private set; }
    public DateTime CutoffDate { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public ScoringRunStatus Status { get; private set; }
    public bool IsCurrent { get; private set; }
    public string TriggeredBy { get; private set; } = "";

    /// <summary>Seconds per stage as JSON, e.g. {"features":1.2,"churn":3.4}.</summary>
    public string StageTimingsJson { get; private set; } = "{}";
    public string? Error { get; private set; }
    public int CustomersScored { get; private set; }

    private ScoringRun() { }

    public ScoringRun(DateTime cutoffDate, DateTime startedAt, string triggeredBy)
    {
        CutoffDate = cutoffDate;
        StartedAt = startedAt;
        TriggeredBy = triggeredBy;
        Status = ScoringRunStatus.Running;
    }

    public void Succeed(DateTime at, int customersScored, string stageTimingsJson)
    {
        Move(ScoringRunStatus.Succeeded);
        FinishedAt = at;
        CustomersScored = customersScored;
        StageTimingsJson = stageTimingsJson;
    }

    public void Fail(DateTime at, string error)
    {
        Move(ScoringRunStatus.Failed);
        FinishedAt = at;
        Error = error;
    }

    public void Cancel(DateTime at)
    {
        Move(ScoringRunStatus.Cancelled);
        FinishedAt = at;
    }

    public void MakeCurrent()
    {
        if (Status != ScoringRunStatus.Succeeded)
            throw new DomainException($"Scoring run {Id} is {Status}; only a succeeded run can become current.");
        IsCurrent = true;
    }

    public void Retire() => IsCurrent = false;

    private void Move(ScoringRunStatus to)
    {
        Lifecycle.EnsureCanMove($"Scoring run {Id}", Status, to);
        Status = to;
    }
}

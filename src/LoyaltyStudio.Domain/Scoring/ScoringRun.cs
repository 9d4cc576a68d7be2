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

/// <summary>How much of the customer base a scoring run scores afresh.</summary>
public enum ScoringRunKind
{
    /// <summary>Every customer, from features to segments.</summary>
    Full = 0,

    /// <summary>Only the customers marked for re-scoring; the rest is copied from the current run.</summary>
    Incremental = 1,
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
    public ScoringRunKind Kind { get; private set; }

    /// <summary>The model versions the run scored with, as JSON, e.g. {"Churn":3,"LifetimeValue":2}.</summary>
    public string ModelVersionsJson { get; private set; } = "{}";
    public bool IsCurrent { get; private set; }
    public string TriggeredBy { get; private set; } = "";

    /// <summary>Seconds per stage as JSON, e.g. {"features":1.2,"churn":3.4}.</summary>
    public string StageTimingsJson { get; private set; } = "{}";
    public string? Error { get; private set; }
    public int CustomersScored { get; private set; }

    /// <summary>The churn score from which a customer counted as medium risk in this run.</summary>
    public int MediumRiskFrom { get; private set; } = ChurnRiskThresholds.Default.MediumFrom;

    /// <summary>The churn score from which a customer counted as high risk in this run.</summary>
    public int HighRiskFrom { get; private set; } = ChurnRiskThresholds.Default.HighFrom;

    /// <summary>The band thresholds this run used.</summary>
    public ChurnRiskThresholds Thresholds => new(MediumRiskFrom, HighRiskFrom);

    private ScoringRun() { }

    public ScoringRun(DateTime cutoffDate, DateTime startedAt, string triggeredBy)
        : this(cutoffDate, startedAt, triggeredBy, ScoringRunKind.Full)
    {
    }

    public ScoringRun(DateTime cutoffDate, DateTime startedAt, string triggeredBy, ScoringRunKind kind)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException($"'{kind}' is not a kind of scoring run; use Full or Incremental.");
        CutoffDate = cutoffDate;
        StartedAt = startedAt;
        TriggeredBy = triggeredBy;
        Kind = kind;
        Status = ScoringRunStatus.Running;
    }

    /// <summary>Records which model versions the run scores with; only while it runs, so a finished run's record stays true.</summary>
    public void RecordModelVersions(string modelVersionsJson)
    {
        if (Status != ScoringRunStatus.Running)
            throw new DomainException($"Scoring run {Id} is {Status}; the models it used can only be recorded while it runs.");
        if (string.IsNullOrWhiteSpace(modelVersionsJson))
            throw new DomainException($"Scoring run {Id}: the record of model versions cannot be empty; use {{}} when no model was used.");
        ModelVersionsJson = modelVersionsJson;
    }

    /// <summary>Records the band thresholds the run scores with; only while it runs.</summary>
    public void RecordThresholds(ChurnRiskThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (Status != ScoringRunStatus.Running)
            throw new DomainException($"Scoring run {Id} is {Status}; its risk thresholds can only be recorded while it runs.");
        MediumRiskFrom = thresholds.MediumFrom;
        HighRiskFrom = thresholds.HighFrom;
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

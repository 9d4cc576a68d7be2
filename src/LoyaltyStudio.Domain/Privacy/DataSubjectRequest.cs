using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Privacy;

/// <summary>What a customer asked of us under data-protection law.</summary>
public enum DataSubjectRequestKind
{
    Export = 0,
    Erasure = 1,
}

/// <summary>Where a data subject request is.</summary>
public enum DataSubjectRequestStatus
{
    Received = 0,
    InProgress = 1,
    Completed = 2,
    Rejected = 3,
}

/// <summary>A customer's request to export or erase their data; must be answered within a deadline.</summary>
public class DataSubjectRequest
{
    /// <summary>The legal deadline to answer (GDPR: one month).</summary>
    public static readonly TimeSpan ResponseDeadline = TimeSpan.FromDays(30);

    public static readonly TransitionTable<DataSubjectRequestStatus> Lifecycle = new TransitionTable<DataSubjectRequestStatus>()
        .Allow(DataSubjectRequestStatus.Received, DataSubjectRequestStatus.InProgress, DataSubjectRequestStatus.Rejected)
        .Allow(DataSubjectRequestStatus.InProgress, DataSubjectRequestStatus.Completed, DataSubjectRequestStatus.Rejected);

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public DataSubjectRequestKind Kind { get; private set; }
    public DataSubjectRequestStatus Status { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? HandledBy { get; private set; }
    public string? Note { get; private set; }

    private DataSubjectRequest() { }

    public DataSubjectRequest(long customerId, DataSubjectRequestKind kind, DateTime receivedAt)
    {
        CustomerId = customerId;
        Kind = kind;
        ReceivedAt = receivedAt;
        Status = DataSubjectRequestStatus.Received;
    }

    public DateTime DueBy => ReceivedAt + ResponseDeadline;

    public bool IsOverdue(DateTime now) => Status is DataSubjectRequestStatus.Received or DataSubjectRequestStatus.InProgress && now > DueBy;

    public void Start(string handledBy)
    {
        Move(DataSubjectRequestStatus.InProgress);
        HandledBy = handledBy;
    }

    public void Complete(DateTime at, string? note = null)
    {
        Move(DataSubjectRequestStatus.Completed);
        CompletedAt = at;
        Note = note;
    }

    public void Reject(DateTime at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Rejecting a data subject request needs a reason the customer can be given.");
        Move(DataSubjectRequestStatus.Rejected);
        CompletedAt = at;
        Note = reason;
    }

    private void Move(DataSubjectRequestStatus to)
    {
        Lifecycle.EnsureCanMove($"{Kind} request {Id}", Status, to);
        Status = to;
    }
}

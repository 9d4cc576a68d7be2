using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Campaigns;

/// <summary>
/// A marketing action aimed at an audience, with a holdout to measure it.
/// Lifecycle: Draft → PendingApproval → Approved → Running → Completed; any open state → Cancelled;
/// a rejected submission goes back to Draft.
/// </summary>
public class Campaign
{
    public static readonly TransitionTable<CampaignStatus> Lifecycle = new TransitionTable<CampaignStatus>()
        .Allow(CampaignStatus.Draft, CampaignStatus.PendingApproval, CampaignStatus.Cancelled)
        .Allow(CampaignStatus.PendingApproval, CampaignStatus.Approved, CampaignStatus.Draft, CampaignStatus.Cancelled)
        .Allow(CampaignStatus.Approved, CampaignStatus.Running, CampaignStatus.Cancelled)
        .Allow(CampaignStatus.Running, CampaignStatus.Completed, CampaignStatus.Cancelled);

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public CampaignStatus Status { get; private set; }
    public long? AudienceId { get; private set; }

    /// <summary>Share of the audience (0–0.5) kept out of the campaign to measure its effect.</summary>
    public decimal HoldoutShare { get; private set; }
    public DateTime? StartsAt { get; private set; }
    public DateTime? EndsAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? CancellationReason { get; private set; }

    private Campaign() { }

    public Campaign(string name, string description, long? audienceId, decimal holdoutShare, string createdBy, DateTime createdAt)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("A campaign needs a name.");
        if (holdoutShare is < 0m or > 0.5m)
            throw new DomainException($"The holdout must be between 0 % and 50 % of the audience, not {holdoutShare:P0}.");
        Name = name.Trim();
        Description = description ?? "";
        AudienceId = audienceId;
        HoldoutShare = holdoutShare;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Status = CampaignStatus.Draft;
    }

    public void Schedule(DateTime startsAt, DateTime endsAt)
    {
        if (Status != CampaignStatus.Draft)
            throw new DomainException($"Campaign '{Name}' is {Status}; only a draft can be rescheduled.");
        if (endsAt <= startsAt)
            throw new DomainException($"Campaign '{Name}' must end after it starts.");
        StartsAt = startsAt;
        EndsAt = endsAt;
    }

    public void SubmitForApproval(string submittedBy)
    {
        if (StartsAt is null || EndsAt is null)
            throw new DomainException($"Campaign '{Name}' needs a start and end date before it can be submitted.");
        if (AudienceId is null)
            throw new DomainException($"Campaign '{Name}' needs an audience before it can be submitted.");
        Move(CampaignStatus.PendingApproval);
        SubmittedBy = submittedBy;
        RejectionReason = null;
    }

    /// <summary>A manager approves; the person who submitted a campaign may not approve it.</summary>
    public void Approve(string approver, DateTime at)
    {
        if (string.Equals(approver, SubmittedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainException($"Campaign '{Name}' must be approved by someone other than {approver}, who submitted it.");
        Move(CampaignStatus.Approved);
        ApprovedBy = approver;
        ApprovedAt = at;
    }

    public void Reject(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Rejecting a campaign needs a reason the marketer can act on.");
        Move(CampaignStatus.Draft);
        RejectionReason = reason;
    }

    public void Start(DateTime at)
    {
        if (StartsAt is { } start && at < start)
            throw new DomainException($"Campaign '{Name}' is scheduled to start at {start:u}, not before.");
        Move(CampaignStatus.Running);
    }

    public void Complete(DateTime at)
    {
        Move(CampaignStatus.Completed);
        CompletedAt = at;
    }

    public void Cancel(string reason)
    {
        Move(CampaignStatus.Cancelled);
        CancellationReason = reason;
    }

    private void Move(CampaignStatus to)
    {
        Lifecycle.EnsureCanMove($"Campaign '{Name}'", Status, to);
        Status = to;
    }
}

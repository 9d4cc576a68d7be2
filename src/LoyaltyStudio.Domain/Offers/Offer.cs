using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Offers;

/// <summary>
/// A personalised offer for one customer.
/// Lifecycle: Proposed → Approved | Rejected; Approved → Delivered; Delivered → Redeemed | Expired.
/// An offer still proposed or approved when its validity ends also becomes Expired, so it does not linger.
/// </summary>
public class Offer
{
    public static readonly TransitionTable<OfferStatus> Lifecycle = new TransitionTable<OfferStatus>()
        .Allow(OfferStatus.Proposed, OfferStatus.Approved, OfferStatus.Rejected, OfferStatus.Expired)
        .Allow(OfferStatus.Approved, OfferStatus.Delivered, OfferStatus.Expired)
        .Allow(OfferStatus.Delivered, OfferStatus.Redeemed, OfferStatus.Expired);

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long? CampaignId { get; private set; }

    /// <summary>What is offered, e.g. "15 % off tea" or "double points on equipment".</summary>
    public string Title { get; private set; } = "";

    /// <summary>Why this customer gets this offer, in words a marketer reads.</summary>
    public string Reason { get; private set; } = "";
    public int? CategoryId { get; private set; }
    public decimal ExpectedValue { get; private set; }
    public decimal Cost { get; private set; }
    public OfferStatus Status { get; private set; }
    public DateTime ProposedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public DateTime? RedeemedAt { get; private set; }
    public long? RedemptionOrderId { get; private set; }

    private Offer() { }

    public Offer(long customerId, long? campaignId, string title, string reason, int? categoryId,
        decimal expectedValue, decimal cost, DateTime proposedAt, DateTime expiresAt)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("An offer needs a title.");
        if (cost < 0)
            throw new DomainException($"Offer '{title}': the cost cannot be negative.");
        if (expiresAt <= proposedAt)
            throw new DomainException($"Offer '{title}' must expire after it is proposed.");
        CustomerId = customerId;
        CampaignId = campaignId;
        Title = title.Trim();
        Reason = reason ?? "";
        CategoryId = categoryId;
        ExpectedValue = expectedValue;
        Cost = cost;
        ProposedAt = proposedAt;
        ExpiresAt = expiresAt;
        Status = OfferStatus.Proposed;
    }

    public void Approve(string approver, DateTime at)
    {
        Move(OfferStatus.Approved);
        DecidedBy = approver;
        DecidedAt = at;
    }

    public void Reject(string approver, DateTime at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException($"Rejecting offer '{Title}' needs a reason.");
        Move(OfferStatus.Rejected);
        DecidedBy = approver;
        DecidedAt = at;
        RejectionReason = reason;
    }

    public void MarkDelivered(DateTime at)
    {
        if (at >= ExpiresAt)
            throw new DomainException($"Offer '{Title}' expired at {ExpiresAt:u} and can no longer be delivered.");
        Move(OfferStatus.Delivered);
        DeliveredAt = at;
    }

    public void Redeem(long orderId, DateTime at)
    {
        if (at > ExpiresAt)
            throw new DomainException($"Offer '{Title}' expired at {ExpiresAt:u}; a redemption at {at:u} is too late.");
        Move(OfferStatus.Redeemed);
        RedeemedAt = at;
        RedemptionOrderId = orderId;
    }

    public void Expire(DateTime at)
    {
        if (at < ExpiresAt)
            throw new DomainException($"Offer '{Title}' is valid until {ExpiresAt:u}; it cannot expire at {at:u}.");
        Move(OfferStatus.Expired);
    }

    private void Move(OfferStatus to)
    {
        Lifecycle.EnsureCanMove($"Offer '{Title}'", Status, to);
        Status = to;
    }
}

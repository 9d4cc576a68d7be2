namespace LoyaltyStudio.Domain.Offers;

/// <summary>Where a personalised offer is in its lifecycle.</summary>
public enum OfferStatus
{
    Proposed = 0,
    Approved = 1,
    Rejected = 2,
    Delivered = 3,
    Redeemed = 4,
    Expired = 5,
}

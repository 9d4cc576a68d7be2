namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>Why an offer is proposed to a customer: the signal in their history it answers.</summary>
public enum OfferCandidateKind
{
    /// <summary>A discount on the category with the largest recency-weighted share of the customer's spend.</summary>
    FavouriteCategory = 0,

    /// <summary>A discount on a product the customer viewed recently and did not buy.</summary>
    ViewedNotBought = 1,

    /// <summary>A discount on a category whose share of the customer's spend rose between the earlier and the recent window.</summary>
    RisingCategory = 2,

    /// <summary>Bonus points on the next order for a customer within reach of the next tier.</summary>
    TierProgress = 3,

    /// <summary>A basket discount for a customer at high risk of churning.</summary>
    WinBack = 4,
}

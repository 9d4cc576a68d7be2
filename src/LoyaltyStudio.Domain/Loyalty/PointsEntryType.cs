namespace LoyaltyStudio.Domain.Loyalty;

/// <summary>Why the points balance moved.</summary>
public enum PointsEntryType
{
    Earn = 0,
    Redeem = 1,
    Expire = 2,
    Adjust = 3,
}

namespace LoyaltyStudio.Domain.Campaigns;

/// <summary>Whether a customer in a campaign's audience got the campaign or was held out to measure it.</summary>
public class HoldoutAssignment
{
    public long Id { get; private set; }
    public long CampaignId { get; private set; }
    public long CustomerId { get; private set; }
    public bool IsHoldout { get; private set; }
    public DateTime AssignedAt { get; private set; }

    private HoldoutAssignment() { }

    public HoldoutAssignment(long campaignId, long customerId, bool isHoldout, DateTime assignedAt)
    {
        CampaignId = campaignId;
        CustomerId = customerId;
        IsHoldout = isHoldout;
        AssignedAt = assignedAt;
    }

    /// <summary>
    /// Deterministic, unbiased assignment: the same customer in the same campaign always lands on the
    /// same side, and about <paramref name="holdoutShare"/> of customers land in the holdout.
    /// </summary>
    public static bool IsInHoldout(long campaignId, long customerId, decimal holdoutShare)
    {
        // SplitMix64 of the pair: well mixed, stable across processes and machines (unlike string.GetHashCode).
        var x = unchecked((ulong)campaignId * 0x9E3779B97F4A7C15UL ^ (ulong)customerId);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        var u = (x >> 11) * (1.0 / (1UL << 53));
        return u < (double)holdoutShare;
    }
}

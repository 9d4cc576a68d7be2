namespace LoyaltyStudio.Domain.Campaigns;

/// <summary>Where a campaign is in its lifecycle.</summary>
public enum CampaignStatus
{
    Draft = 0,
    PendingApproval = 1,
    Approved = 2,
    Running = 3,
    Completed = 4,
    Cancelled = 5,
}

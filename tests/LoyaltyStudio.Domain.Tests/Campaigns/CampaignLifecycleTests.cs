using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Tests.Common;

namespace LoyaltyStudio.Domain.Tests.Campaigns;

public class CampaignLifecycleTests
{
    private static readonly DateTime T0 = new(2025, 4, 1, 8, 0, 0, DateTimeKind.Utc);

    public static TheoryData<CampaignStatus, CampaignStatus, bool> AllPairs => TransitionCases.AllPairs(
        (CampaignStatus.Draft, CampaignStatus.PendingApproval),
        (CampaignStatus.Draft, CampaignStatus.Cancelled),
        (CampaignStatus.PendingApproval, CampaignStatus.Approved),
        (CampaignStatus.PendingApproval, CampaignStatus.Draft),
        (CampaignStatus.PendingApproval, CampaignStatus.Cancelled),
        (CampaignStatus.Approved, CampaignStatus.Running),
        (CampaignStatus.Approved, CampaignStatus.Cancelled),
        (CampaignStatus.Running, CampaignStatus.Completed),
        (CampaignStatus.Running, CampaignStatus.Cancelled));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Lifecycle_table_allows_exactly_the_documented_moves(CampaignStatus from, CampaignStatus to, bool allowed) =>
        Assert.Equal(allowed, Campaign.Lifecycle.CanMove(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Campaign_moves_between_states_iff_the_move_is_allowed(CampaignStatus from, CampaignStatus to, bool allowed)
    {
        var campaign = CampaignIn(from);

        if (allowed)
        {
            MoveTo(campaign, to);
            Assert.Equal(to, campaign.Status);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => MoveTo(campaign, to));
            Assert.Contains($"Campaign 'Spring tea' is {from} and cannot become {to}", ex.Message);
            Assert.Equal(from, campaign.Status);
        }
    }

    [Theory]
    [InlineData(CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Cancelled)]
    public void Completed_and_cancelled_campaigns_are_final(CampaignStatus final)
    {
        Assert.Empty(Campaign.Lifecycle.From(final));
        var ex = Assert.Throws<DomainException>(() => CampaignIn(final).Cancel("again"));
        Assert.Contains("it is final", ex.Message);
    }

    [Fact]
    public void Refused_move_says_what_the_campaign_can_become_instead()
    {
        var ex = Assert.Throws<DomainException>(() => CampaignIn(CampaignStatus.Draft).Start(T0.AddDays(10)));

        Assert.Contains("it can only become PendingApproval or Cancelled", ex.Message);
    }

    [Fact]
    public void Full_happy_path_records_who_and_when()
    {
        var campaign = CampaignIn(CampaignStatus.Draft);

        campaign.SubmitForApproval("marketer@demo.local");
        campaign.Approve("manager@demo.local", T0.AddDays(2));
        campaign.Start(T0.AddDays(7));
        campaign.Complete(T0.AddDays(30));

        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        Assert.Equal("marketer@demo.local", campaign.SubmittedBy);
        Assert.Equal("manager@demo.local", campaign.ApprovedBy);
        Assert.Equal(T0.AddDays(2), campaign.ApprovedAt);
        Assert.Equal(T0.AddDays(30), campaign.CompletedAt);
    }

    internal static Campaign CampaignIn(CampaignStatus status)
    {
        var campaign = new Campaign("Spring tea", "Tea lovers at risk", audienceId: 3, holdoutShare: 0.1m, "marketer@demo.local", T0);
        campaign.Schedule(T0.AddDays(7), T0.AddDays(28));
        switch (status)
        {
            case CampaignStatus.Draft:
                break;
            case CampaignStatus.Cancelled:
                campaign.Cancel("not needed");
                break;
            default:
                campaign.SubmitForApproval("marketer@demo.local");
                if (status == CampaignStatus.PendingApproval)
                    break;
                campaign.Approve("manager@demo.local", T0.AddDays(1));
                if (status == CampaignStatus.Approved)
                    break;
                campaign.Start(T0.AddDays(7));
                if (status == CampaignStatus.Running)
                    break;
                campaign.Complete(T0.AddDays(28));
                break;
        }
        Assert.Equal(status, campaign.Status);
        return campaign;
    }

    private static void MoveTo(Campaign campaign, CampaignStatus to)
    {
        switch (to)
        {
            case CampaignStatus.Draft: campaign.Reject("Audience too broad."); break;
            case CampaignStatus.PendingApproval: campaign.SubmitForApproval("marketer@demo.local"); break;
            case CampaignStatus.Approved: campaign.Approve("manager@demo.local", T0.AddDays(2)); break;
            case CampaignStatus.Running: campaign.Start(T0.AddDays(8)); break;
            case CampaignStatus.Completed: campaign.Complete(T0.AddDays(29)); break;
            case CampaignStatus.Cancelled: campaign.Cancel("Budget cut."); break;
            default: throw new ArgumentOutOfRangeException(nameof(to));
        }
    }
}

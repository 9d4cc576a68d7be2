using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Campaigns;

public class CampaignRulesTests
{
    private static readonly DateTime T0 = new(2025, 4, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Campaign NewCampaign(long? audienceId = 3, decimal holdout = 0.1m) =>
        new("Spring tea", "", audienceId, holdout, "marketer@demo.local", T0);

    [Fact]
    public void New_campaign_is_a_draft_with_a_trimmed_name()
    {
        var campaign = new Campaign("  Spring tea ", null!, 3, 0.2m, "marketer@demo.local", T0);

        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Equal("Spring tea", campaign.Name);
        Assert.Equal("", campaign.Description);
        Assert.Equal(0.2m, campaign.HoldoutShare);
        Assert.Equal(T0, campaign.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Campaign_without_a_name_is_refused(string name) =>
        Assert.Contains("name", Assert.Throws<DomainException>(() => new Campaign(name, "", 1, 0.1m, "m", T0)).Message);

    [Theory]
    [InlineData("0")]
    [InlineData("0.05")]
    [InlineData("0.5")]
    public void Holdout_share_from_0_to_50_percent_is_accepted(string share)
    {
        var value = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(value, NewCampaign(holdout: value).HoldoutShare);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("0.51")]
    [InlineData("1")]
    public void Holdout_share_outside_0_to_50_percent_is_refused(string share)
    {
        var value = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture);

        var ex = Assert.Throws<DomainException>(() => NewCampaign(holdout: value));

        Assert.Contains("between 0 % and 50 %", ex.Message);
    }

    [Fact]
    public void Schedule_must_end_after_it_starts()
    {
        var campaign = NewCampaign();

        Assert.Contains("must end after it starts", Assert.Throws<DomainException>(() => campaign.Schedule(T0.AddDays(5), T0.AddDays(5))).Message);
        Assert.Null(campaign.StartsAt);
    }

    [Fact]
    public void Only_a_draft_can_be_rescheduled()
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.PendingApproval);

        var ex = Assert.Throws<DomainException>(() => campaign.Schedule(T0.AddDays(9), T0.AddDays(20)));

        Assert.Contains("is PendingApproval; only a draft can be rescheduled", ex.Message);
    }

    [Fact]
    public void Submission_without_dates_is_refused()
    {
        var campaign = NewCampaign();

        Assert.Contains("start and end date", Assert.Throws<DomainException>(() => campaign.SubmitForApproval("m")).Message);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
    }

    [Fact]
    public void Submission_without_an_audience_is_refused()
    {
        var campaign = NewCampaign(audienceId: null);
        campaign.Schedule(T0.AddDays(1), T0.AddDays(2));

        Assert.Contains("audience", Assert.Throws<DomainException>(() => campaign.SubmitForApproval("m")).Message);
    }

    [Theory]
    [InlineData("marketer@demo.local")]
    [InlineData("MARKETER@demo.local")]
    public void Approver_must_differ_from_submitter(string approver)
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.PendingApproval);

        var ex = Assert.Throws<DomainException>(() => campaign.Approve(approver, T0.AddDays(1)));

        Assert.Contains($"someone other than {approver}", ex.Message);
        Assert.Equal(CampaignStatus.PendingApproval, campaign.Status);
        Assert.Null(campaign.ApprovedBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejection_needs_a_reason(string reason)
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.PendingApproval);

        Assert.Contains("reason", Assert.Throws<DomainException>(() => campaign.Reject(reason)).Message);
        Assert.Equal(CampaignStatus.PendingApproval, campaign.Status);
    }

    [Fact]
    public void Rejected_campaign_returns_to_draft_with_the_reason_and_resubmission_clears_it()
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.PendingApproval);

        campaign.Reject("Holdout too small to measure.");
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Equal("Holdout too small to measure.", campaign.RejectionReason);

        campaign.Schedule(T0.AddDays(10), T0.AddDays(40));
        campaign.SubmitForApproval("marketer@demo.local");
        Assert.Equal(CampaignStatus.PendingApproval, campaign.Status);
        Assert.Null(campaign.RejectionReason);
    }

    [Fact]
    public void Campaign_cannot_start_before_its_scheduled_start()
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.Approved);

        var ex = Assert.Throws<DomainException>(() => campaign.Start(campaign.StartsAt!.Value.AddMinutes(-1)));

        Assert.Contains("scheduled to start", ex.Message);
        Assert.Equal(CampaignStatus.Approved, campaign.Status);
    }

    [Fact]
    public void Campaign_can_start_exactly_at_its_scheduled_start()
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.Approved);

        campaign.Start(campaign.StartsAt!.Value);

        Assert.Equal(CampaignStatus.Running, campaign.Status);
    }

    [Fact]
    public void Cancellation_records_the_reason()
    {
        var campaign = CampaignLifecycleTests.CampaignIn(CampaignStatus.Running);

        campaign.Cancel("Stock shortage.");

        Assert.Equal(CampaignStatus.Cancelled, campaign.Status);
        Assert.Equal("Stock shortage.", campaign.CancellationReason);
    }
}

using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Campaigns;

public sealed class CampaignResponseEvidenceTests
{
    private static readonly DateTime Now = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Counts_that_add_up_are_kept_as_given()
    {
        var e = new CampaignResponseEvidence(7, "all", treated: 10, treatedBuyers: 6, redeemed: 4, holdout: 5, holdoutBuyers: 2, "rules:ab;o:3", Now);

        Assert.Equal((7L, "all", 10, 6, 4, 5, 2, "rules:ab;o:3", Now),
            (e.CampaignId, e.Group, e.Treated, e.TreatedBuyers, e.Redeemed, e.Holdout, e.HoldoutBuyers, e.Basis, e.CountedAt));
    }

    [Theory]
    [InlineData(10, 11, 0, 5, 0, "11 buyers and 0 redemptions cannot come from 10 treated")]
    [InlineData(10, 2, 11, 5, 0, "2 buyers and 11 redemptions cannot come from 10 treated")]
    [InlineData(10, 2, 1, 5, 6, "6 buyers cannot come from 5 held-out")]
    [InlineData(-1, 0, 0, 5, 0, "cannot be negative")]
    public void Counts_that_cannot_be_are_refused_with_the_campaign_and_group_named(int treated, int buyers, int redeemed, int holdout,
        int holdoutBuyers, string expected)
    {
        var e = Assert.Throws<DomainException>(() =>
            new CampaignResponseEvidence(7, "WinBack", treated, buyers, redeemed, holdout, holdoutBuyers, "rules:ab", Now));

        Assert.Contains("Campaign 7, group WinBack", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "rules:ab")]
    [InlineData("this group name is far longer than forty characters", "rules:ab")]
    [InlineData("all", "")]
    public void A_group_or_basis_that_is_empty_or_too_long_is_refused(string group, string basis)
    {
        Assert.Throws<DomainException>(() => new CampaignResponseEvidence(7, group, 1, 0, 0, 1, 0, basis, Now));
    }
}

using LoyaltyStudio.Domain.Engagement;

namespace LoyaltyStudio.Domain.Tests.Engagement;

public class SupportContactTests
{
    [Theory]
    [InlineData(SupportOutcome.Resolved, false)]
    [InlineData(SupportOutcome.ResolvedLate, true)]
    [InlineData(SupportOutcome.Unresolved, true)]
    [InlineData(SupportOutcome.Escalated, false)]
    public void Unresolved_or_late_contacts_count_as_bad_experiences(SupportOutcome outcome, bool bad)
    {
        var contact = new SupportContact(3, new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc), SupportTopic.Delivery, outcome, "T-9");

        Assert.Equal(bad, contact.IsBadExperience);
        Assert.Equal(("T-9", SupportTopic.Delivery), (contact.ExternalId, contact.Topic));
    }
}

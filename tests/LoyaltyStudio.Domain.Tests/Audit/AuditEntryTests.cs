using LoyaltyStudio.Domain.Audit;

namespace LoyaltyStudio.Domain.Tests.Audit;

public class AuditEntryTests
{
    [Fact]
    public void Audit_entry_records_who_did_what_to_which_thing()
    {
        var at = new DateTime(2025, 5, 5, 9, 0, 0, DateTimeKind.Utc);

        var entry = new AuditEntry(at, "manager@demo.local", "campaign.approve", "Campaign", "17", "holdout 10 %");

        Assert.Equal((at, "manager@demo.local", "campaign.approve", "Campaign", "17", "holdout 10 %"),
            (entry.OccurredAt, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, entry.Details));
    }

    [Fact]
    public void Audit_entries_cannot_be_changed_after_they_are_written()
    {
        Assert.DoesNotContain(typeof(AuditEntry).GetProperties(), p => p.SetMethod is { IsPublic: true });
        Assert.DoesNotContain(typeof(AuditEntry).GetMethods(), m => m.DeclaringType == typeof(AuditEntry) && !m.IsSpecialName);
    }
}

namespace LoyaltyStudio.Domain.Engagement;

/// <summary>Why a customer contacted support.</summary>
public enum SupportTopic
{
    Delivery = 0,
    Refund = 1,
    Points = 2,
    Account = 3,
    Product = 4,
}

/// <summary>How a support contact ended.</summary>
public enum SupportOutcome
{
    Resolved = 0,
    ResolvedLate = 1,
    Unresolved = 2,
    Escalated = 3,
}

/// <summary>One contact between a customer and support staff.</summary>
public class SupportContact
{
    public long Id { get; private set; }
    public string? ExternalId { get; private set; }
    public long CustomerId { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public SupportTopic Topic { get; private set; }
    public SupportOutcome Outcome { get; private set; }

    private SupportContact() { }

    public SupportContact(long customerId, DateTime openedAt, SupportTopic topic, SupportOutcome outcome, string? externalId = null)
    {
        CustomerId = customerId;
        OpenedAt = openedAt;
        Topic = topic;
        Outcome = outcome;
        ExternalId = externalId;
    }

    /// <summary>A contact the customer will remember badly: not resolved, or resolved late.</summary>
    public bool IsBadExperience => Outcome is SupportOutcome.Unresolved or SupportOutcome.ResolvedLate;
}

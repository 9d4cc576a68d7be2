namespace LoyaltyStudio.Domain.Audit;

/// <summary>A record of who did what to which thing, kept for accountability; never changed.</summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }

    /// <summary>The user name or API key name that acted.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>What was done, e.g. "campaign.approve", "customer.view", "model.activate".</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? Details { get; private set; }

    private AuditEntry() { }

    public AuditEntry(DateTime occurredAt, string actor, string action, string entityType, string? entityId, string? details)
    {
        OccurredAt = occurredAt;
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
    }
}

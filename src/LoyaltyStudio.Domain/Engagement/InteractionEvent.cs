using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Engagement;

/// <summary>A browsing, app or e-mail interaction of one customer.</summary>
public class InteractionEvent
{
    public long Id { get; private set; }

    /// <summary>The sender's id for the event; makes ingestion idempotent. Null for generated events.</summary>
    public string? ExternalId { get; private set; }
    public long CustomerId { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public InteractionType Type { get; private set; }
    public SalesChannel Channel { get; private set; }
    public int? ProductId { get; private set; }

    /// <summary>For <see cref="InteractionType.CheckoutStep"/>: which step (1 = cart, 2 = address, 3 = payment, 4 = confirm).</summary>
    public int? CheckoutStep { get; private set; }

    private InteractionEvent() { }

    public InteractionEvent(long customerId, DateTime occurredAt, InteractionType type, SalesChannel channel,
        int? productId = null, int? checkoutStep = null, string? externalId = null)
    {
        if (type == InteractionType.CheckoutStep && checkoutStep is null or < 1)
            throw new DomainException("A checkout-step event needs the step number (1 or more).");
        if (type != InteractionType.CheckoutStep && checkoutStep is not null)
            throw new DomainException($"Only checkout-step events carry a step number, not {type}.");
        CustomerId = customerId;
        OccurredAt = occurredAt;
        Type = type;
        Channel = channel;
        ProductId = productId;
        CheckoutStep = checkoutStep;
        ExternalId = externalId;
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Api;

/// <summary>Interaction events by event id; the customer must be known, and the product when one is named.</summary>
public sealed class EventIngestion(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock)
    : BatchIngestion<EventItem, EventIngestion.ParsedEvent>(contexts, clock)
{
    /// <summary>A checked event.</summary>
    public sealed record ParsedEvent(string EventId, string CustomerId, DateTime OccurredAt, InteractionType Type, SalesChannel Channel,
        string? Sku, int? CheckoutStep);

    protected override string IdField => "eventId";

    protected override string IdOf(ParsedEvent parsed) => parsed.EventId;

    protected override ParsedEvent Parse(EventItem item, string path, ItemFields fields)
    {
        var idLength = fields.MaxLength<InteractionEvent>(nameof(InteractionEvent.ExternalId));
        var eventId = fields.Required(item.EventId, $"{path}.eventId", idLength) ?? "";
        var customerId = fields.Required(item.CustomerId, $"{path}.customerId", idLength) ?? "";
        var occurredAt = fields.Timestamp(item.OccurredAt, $"{path}.occurredAt") ?? default;
        var type = fields.Enum<InteractionType>(item.Type, $"{path}.type");
        var channel = fields.Enum<SalesChannel>(item.Channel, $"{path}.channel") ?? default;
        var sku = fields.Optional(item.Sku, $"{path}.sku", fields.MaxLength<Product>(nameof(Product.Sku)));
        if (type is { } known)
            fields.Rule($"{path}.checkoutStep", () => _ = new InteractionEvent(0, occurredAt, known, channel, null, item.CheckoutStep));
        return new ParsedEvent(eventId, customerId, occurredAt, type ?? default, channel, sku, item.CheckoutStep);
    }

    protected override async Task<int> AddNewAsync(LoyaltyDbContext db, IReadOnlyList<Checked> items, DateTime now, ItemErrors errors,
        CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Item.EventId).ToList();
        var stored = await db.InteractionEvents.Where(e => e.ExternalId != null && ids.Contains(e.ExternalId))
            .Select(e => e.ExternalId!).ToListAsync(cancellationToken);
        var existing = stored.ToHashSet(StringComparer.Ordinal);
        var fresh = items.Where(i => !existing.Contains(i.Item.EventId)).ToList();

        var customers = await CustomersAsync(db, fresh.Select(i => i.Item.CustomerId), cancellationToken);
        var products = await ProductsAsync(db, fresh.Where(i => i.Item.Sku is not null).Select(i => i.Item.Sku!), cancellationToken);
        foreach (var (path, parsed) in fresh)
        {
            if (!customers.ContainsKey(parsed.CustomerId))
                errors.Add($"{path}.customerId", UnknownCustomer(parsed.CustomerId));
            if (parsed.Sku is not null && !products.ContainsKey(parsed.Sku))
                errors.Add($"{path}.sku", $"'{parsed.Sku}' is not a known SKU; import the products first");
        }
        if (errors.Any)
            return existing.Count;

        foreach (var (_, parsed) in fresh)
        {
            var customer = customers[parsed.CustomerId];
            int? productId = parsed.Sku is null ? null : products[parsed.Sku];
            db.InteractionEvents.Add(new InteractionEvent(customer.Id, parsed.OccurredAt, parsed.Type, parsed.Channel, productId,
                parsed.CheckoutStep, parsed.EventId));
            customer.MarkForRescoring(now);
        }
        return existing.Count;
    }
}

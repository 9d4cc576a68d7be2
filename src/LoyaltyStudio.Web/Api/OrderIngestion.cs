using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Api;

/// <summary>Orders with their lines, by order number; the customer and the products must be known.</summary>
public sealed class OrderIngestion(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock)
    : BatchIngestion<OrderItem, OrderIngestion.ParsedOrder>(contexts, clock)
{
    /// <summary>A checked order.</summary>
    public sealed record ParsedOrder(string OrderId, string CustomerId, DateTime OrderedAt, SalesChannel Channel, List<ParsedLine> Lines);

    /// <summary>A checked order line.</summary>
    public sealed record ParsedLine(string Path, string Sku, int Quantity, decimal UnitPrice, decimal Discount);

    protected override string IdField => "orderId";

    protected override string IdOf(ParsedOrder parsed) => parsed.OrderId;

    protected override ParsedOrder Parse(OrderItem item, string path, ItemFields fields)
    {
        var idLength = fields.MaxLength<Order>(nameof(Order.ExternalId));
        var orderId = fields.Required(item.OrderId, $"{path}.orderId", idLength) ?? "";
        var customerId = fields.Required(item.CustomerId, $"{path}.customerId", idLength) ?? "";
        var orderedAt = fields.Timestamp(item.OrderedAt, $"{path}.orderedAt") ?? default;
        var channel = fields.Enum<SalesChannel>(item.Channel, $"{path}.channel", SalesChannel.Online) ?? default;
        var lines = new List<ParsedLine>();
        if (item.Lines is null or { Count: 0 })
        {
            fields.Errors.Add($"{path}.lines", item.Lines is null ? "is missing; an order needs at least one line" : "is empty; an order needs at least one line");
            return new ParsedOrder(orderId, customerId, orderedAt, channel, lines);
        }

        var skuLength = fields.MaxLength<Domain.Catalog.Product>(nameof(Domain.Catalog.Product.Sku));
        // The domain's own rules (quantity, price, discount) decide whether a line is valid.
        var rules = new Order("check", 0, orderedAt, channel);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < item.Lines.Count; j++)
        {
            var linePath = $"{path}.lines[{j}]";
            if (item.Lines[j] is not { } line)
            {
                fields.Errors.Add(linePath, "is null; an object is expected");
                continue;
            }
            var sku = fields.Required(line.Sku, $"{linePath}.sku", skuLength);
            var quantity = fields.Present(line.Quantity, $"{linePath}.quantity");
            var unitPrice = fields.Present(line.UnitPrice, $"{linePath}.unitPrice");
            var discount = line.Discount ?? 0m;
            if (sku is null || quantity is null || unitPrice is null)
                continue;
            if (firstLineOf.TryGetValue(sku, out var first))
            {
                fields.Errors.Add($"{linePath}.sku", $"'{sku}' is on the order twice (first at lines[{first}]); put the quantity on one line");
                continue;
            }
            firstLineOf[sku] = j;
            var field = quantity == 0 ? "quantity" : unitPrice < 0 ? "unitPrice" : "discount";
            fields.Rule($"{linePath}.{field}", () => rules.AddLine(0, quantity.Value, unitPrice.Value, discount));
            lines.Add(new ParsedLine(linePath, sku, quantity.Value, unitPrice.Value, discount));
        }
        return new ParsedOrder(orderId, customerId, orderedAt, channel, lines);
    }

    protected override async Task<int> AddNewAsync(LoyaltyDbContext db, IReadOnlyList<Checked> items, DateTime now, ItemErrors errors,
        CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Item.OrderId).ToList();
        var stored = await db.Orders.Where(o => ids.Contains(o.ExternalId)).Select(o => o.ExternalId).ToListAsync(cancellationToken);
        var existing = stored.ToHashSet(StringComparer.Ordinal);
        var fresh = items.Where(i => !existing.Contains(i.Item.OrderId)).ToList();

        var customers = await CustomersAsync(db, fresh.Select(i => i.Item.CustomerId), cancellationToken);
        var products = await ProductsAsync(db, fresh.SelectMany(i => i.Item.Lines).Select(l => l.Sku), cancellationToken);
        foreach (var (path, order) in fresh)
        {
            if (!customers.ContainsKey(order.CustomerId))
                errors.Add($"{path}.customerId", UnknownCustomer(order.CustomerId));
            foreach (var line in order.Lines.Where(l => !products.ContainsKey(l.Sku)))
                errors.Add($"{line.Path}.sku", $"'{line.Sku}' is not a known SKU; import the products first");
        }
        if (errors.Any)
            return existing.Count;

        foreach (var (_, parsed) in fresh)
        {
            var customer = customers[parsed.CustomerId];
            var order = new Order(parsed.OrderId, customer.Id, parsed.OrderedAt, parsed.Channel);
            foreach (var line in parsed.Lines)
                order.AddLine(products[line.Sku], line.Quantity, line.UnitPrice, line.Discount);
            db.Orders.Add(order);
            customer.MarkForRescoring(now);
        }
        return existing.Count;
    }
}

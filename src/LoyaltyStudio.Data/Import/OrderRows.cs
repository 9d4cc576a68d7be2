using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Common;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>Orders in our own layout: one row per order line (order_id, customer_id, ordered_at, channel, sku, quantity, unit_price, discount).</summary>
internal sealed class OrderRows(ImportSession session) : OrderRowsBase(session)
{
    private static readonly OrderColumns Columns = new(C.OrderId, C.CustomerId, C.OrderedAt, C.Channel, C.Sku, C.Quantity, C.UnitPrice, C.Discount);

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var orderId = row.Span(C.OrderId);
        if (orderId.IsEmpty)
            row.Fail(C.OrderId, orderId, "is empty; an order id is required");
        else if (!ImportSession.FitsExternalId(orderId))
            row.Fail(C.OrderId, orderId, $"is longer than {ColumnSizes.ExternalId} characters");

        long customerId = 0;
        var customer = row.Span(C.CustomerId);
        if (customer.IsEmpty)
            row.Fail(C.CustomerId, customer, "is empty; a customer id is required");
        else if (!Session.TryCustomer(customer, out customerId) && !Session.Options.CreateMissingCustomers)
            row.Fail(C.CustomerId, customer, "is not a known customer; import the customers first or use --create-missing-customers");
        else if (!ImportSession.FitsExternalId(customer))
            row.Fail(C.CustomerId, customer, $"is longer than {ColumnSizes.ExternalId} characters");

        var orderedAt = row.Date(C.OrderedAt);
        var channel = row.Enum<SalesChannel>(C.Channel, SalesChannel.Online);
        var sku = row.Span(C.Sku);
        if (!Session.TryProduct(sku, out var productId))
            row.Fail(C.Sku, sku, sku.IsEmpty ? "is empty; a SKU is required" : "is not a known SKU; import the products first");
        var quantity = row.Int(C.Quantity);
        var unitPrice = row.Decimal(C.UnitPrice);
        var discount = row.Decimal(C.Discount, whenEmpty: 0m);
        if (!row.IsValid)
            return;

        var order = KnownOrder(orderId);
        var missingCustomer = customerId == 0 && !Session.TryCustomer(customer, out customerId) ? customer.ToString() : null;
        order ??= await NewOrderAsync(orderId.ToString(), cancellationToken);
        if (missingCustomer is not null)
            customerId = await Session.CreateCustomerAsync(missingCustomer, "", orderedAt!.Value, cancellationToken);
        await AddLineAsync(row, order, customerId, orderedAt!.Value, channel!.Value, productId, quantity!.Value, unitPrice!.Value,
            discount!.Value, Columns, cancellationToken);
    }
}

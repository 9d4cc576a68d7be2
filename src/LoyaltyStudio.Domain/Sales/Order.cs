using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Sales;

/// <summary>A purchase by one customer at one moment through one channel.</summary>
public class Order
{
    private readonly List<OrderLine> _lines = [];

    public long Id { get; private set; }

    /// <summary>The order number in the source system; the natural key for imports and the ingestion API.</summary>
    public string ExternalId { get; private set; } = "";
    public long CustomerId { get; private set; }
    public DateTime OrderedAt { get; private set; }
    public SalesChannel Channel { get; private set; }

    /// <summary>Sum of line totals after discounts; kept on the order so revenue queries need no join.</summary>
    public decimal Total { get; private set; }
    public decimal DiscountTotal { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines.AsReadOnly();

    private Order() { }

    public Order(string externalId, long customerId, DateTime orderedAt, SalesChannel channel)
    {
        if (string.IsNullOrWhiteSpace(externalId))
            throw new DomainException("An order needs an order number.");
        ExternalId = externalId.Trim();
        CustomerId = customerId;
        OrderedAt = orderedAt;
        Channel = channel;
    }

    public OrderLine AddLine(int productId, int quantity, decimal unitPrice, decimal discount = 0m)
    {
        var line = new OrderLine(productId, quantity, unitPrice, discount);
        _lines.Add(line);
        Total += line.LineTotal;
        DiscountTotal += discount;
        return line;
    }
}

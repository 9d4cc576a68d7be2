using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Sales;

/// <summary>One product on an order. A negative quantity is a return.</summary>
public class OrderLine
{
    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public int ProductId { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal Discount { get; private set; }
    public decimal LineTotal { get; private set; }

    private OrderLine() { }

    internal OrderLine(int productId, int quantity, decimal unitPrice, decimal discount)
    {
        if (quantity == 0)
            throw new DomainException("An order line needs a quantity other than zero.");
        if (unitPrice < 0)
            throw new DomainException($"An order line cannot have a negative unit price ({unitPrice}).");
        if (discount < 0)
            throw new DomainException($"A discount cannot be negative ({discount}).");
        if (discount > Math.Abs(quantity * unitPrice))
            throw new DomainException($"A discount of {discount} is more than the line is worth ({quantity} × {unitPrice}).");
        ProductId = productId;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Discount = discount;
        LineTotal = (quantity * unitPrice) - discount;
    }
}

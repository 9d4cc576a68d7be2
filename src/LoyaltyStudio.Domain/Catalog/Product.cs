using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Catalog;

/// <summary>Something a customer can buy.</summary>
public class Product
{
    public int Id { get; private set; }

    /// <summary>Stock-keeping unit; the natural key for imports.</summary>
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int CategoryId { get; private set; }
    public Category? Category { get; private set; }
    public decimal UnitPrice { get; private set; }

    private Product() { }

    public Product(string sku, string name, int categoryId, decimal unitPrice)
    {
        if (string.IsNullOrWhiteSpace(sku))
            throw new DomainException("A product needs a SKU.");
        if (unitPrice < 0)
            throw new DomainException($"Product {sku}: the price cannot be negative ({unitPrice}).");
        Sku = sku.Trim();
        Name = name;
        CategoryId = categoryId;
        UnitPrice = unitPrice;
    }
}

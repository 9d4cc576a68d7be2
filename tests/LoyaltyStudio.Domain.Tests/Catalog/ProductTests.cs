using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Catalog;

public class ProductTests
{
    [Fact]
    public void Product_keeps_a_trimmed_sku_its_category_and_price()
    {
        var product = new Product(" TEA-001 ", "Sencha 100 g", 3, 8.90m);

        Assert.Equal(("TEA-001", "Sencha 100 g", 3, 8.90m), (product.Sku, product.Name, product.CategoryId, product.UnitPrice));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Product_without_a_sku_is_refused(string sku) =>
        Assert.Contains("SKU", Assert.Throws<DomainException>(() => new Product(sku, "X", 1, 1m)).Message);

    [Fact]
    public void Product_with_a_negative_price_is_refused() =>
        Assert.Contains("Product TEA-001: the price cannot be negative", Assert.Throws<DomainException>(() => new Product("TEA-001", "X", 1, -0.01m)).Message);

    [Fact]
    public void Free_product_is_allowed() => Assert.Equal(0m, new Product("GIFT", "Sample", 1, 0m).UnitPrice);

    [Fact]
    public void Category_keeps_code_and_name()
    {
        var category = new Category("TEA", "Tea");

        Assert.Equal(("TEA", "Tea"), (category.Code, category.Name));
    }
}

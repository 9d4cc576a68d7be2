using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Intelligence.Tests.Infrastructure;

/// <summary>
/// A tiny shop in a real SQLite file: three categories with one product each (coffee "House roast" 10.00, tea
/// "Earl grey" 8.00, bakery "Croissant" 5.00), a cut-off, and rows placed a given number of days before it. The test
/// areas add their own helpers on top (<c>FeatureTestShop</c>, <c>OfferTestShop</c>).
/// </summary>
public abstract class TestShop : IAsyncDisposable
{
    public static readonly DateTime Cutoff = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private int _orderNumber;

    protected TestShop(SqliteTestDatabase database, Product[] products)
    {
        ArgumentNullException.ThrowIfNull(products);
        Database = database;
        (Coffee, Tea, Bakery) = (products[0], products[1], products[2]);
    }

    public SqliteTestDatabase Database { get; }

    public Product Coffee { get; }

    public Product Tea { get; }

    public Product Bakery { get; }

    /// <summary>A migrated database holding the three categories and products, in the order the constructor takes them.</summary>
    protected static async Task<(SqliteTestDatabase Database, Product[] Products)> StockAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var categories = await database.AddAsync(new Category("COFFEE", "Coffee"), new Category("TEA", "Tea"), new Category("BAKERY", "Bakery"));
        var products = await database.AddAsync(
            new Product("P-COFFEE", "House roast", categories[0].Id, 10m),
            new Product("P-TEA", "Earl grey", categories[1].Id, 8m),
            new Product("P-BAKERY", "Croissant", categories[2].Id, 5m));
        return (database, products);
    }

    /// <summary>The moment <paramref name="days"/> days before the cut-off (negative: after it).</summary>
    public static DateTime DaysBefore(double days) => Cutoff.AddDays(-days);

    /// <summary>An order with one line per (product, quantity, discount), at the product's price.</summary>
    public async Task<Order> AddOrderAsync(Customer customer, double daysBefore, SalesChannel channel,
        params (Product Product, int Quantity, decimal Discount)[] lines)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(lines);
        var order = new Order($"T-{++_orderNumber:D5}", customer.Id, DaysBefore(daysBefore), channel);
        foreach (var (product, quantity, discount) in lines)
            order.AddLine(product.Id, quantity, product.UnitPrice, discount);
        await Database.AddAsync(order);
        return order;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Database.DisposeAsync();
    }
}

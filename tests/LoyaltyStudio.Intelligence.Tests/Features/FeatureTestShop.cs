using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>
/// A tiny shop in a real SQLite file for feature tests: three categories with one product each (coffee 10.00,
/// tea 8.00, bakery 5.00), and helpers that place rows a given number of days before the cut-off.
/// </summary>
public sealed class FeatureTestShop : IAsyncDisposable
{
    public static readonly DateTime Cutoff = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private int _orderNumber;

    private FeatureTestShop(SqliteTestDatabase database, Product coffee, Product tea, Product bakery)
    {
        Database = database;
        Coffee = coffee;
        Tea = tea;
        Bakery = bakery;
    }

    public SqliteTestDatabase Database { get; }

    public Product Coffee { get; }

    public Product Tea { get; }

    public Product Bakery { get; }

    public static async Task<FeatureTestShop> CreateAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var categories = await database.AddAsync(new Category("COFFEE", "Coffee"), new Category("TEA", "Tea"), new Category("BAKERY", "Bakery"));
        var products = await database.AddAsync(
            new Product("P-COFFEE", "House roast", categories[0].Id, 10m),
            new Product("P-TEA", "Earl grey", categories[1].Id, 8m),
            new Product("P-BAKERY", "Croissant", categories[2].Id, 5m));
        return new FeatureTestShop(database, products[0], products[1], products[2]);
    }

    /// <summary>The moment <paramref name="days"/> days before the cut-off (negative: after it).</summary>
    public static DateTime DaysBefore(double days) => Cutoff.AddDays(-days);

    public async Task<Customer> AddCustomerAsync(string externalId, double signupDaysBefore)
    {
        var customer = new Customer(externalId, "Test", externalId, null, null, AgeBand.Unknown, "North",
            DaysBefore(signupDaysBefore), SalesChannel.Online, Consent.None(DaysBefore(signupDaysBefore)));
        await Database.AddAsync(customer);
        return customer;
    }

    /// <summary>An order with one line per (product, quantity, discount), at the product's price.</summary>
    public async Task<Order> AddOrderAsync(Customer customer, double daysBefore, SalesChannel channel,
        params (Product Product, int Quantity, decimal Discount)[] lines)
    {
        var order = new Order($"T-{++_orderNumber:D5}", customer.Id, DaysBefore(daysBefore), channel);
        foreach (var (product, quantity, discount) in lines)
            order.AddLine(product.Id, quantity, product.UnitPrice, discount);
        await Database.AddAsync(order);
        return order;
    }

    public Task<InteractionEvent[]> AddEventsAsync(Customer customer, InteractionType type, params double[] daysBefore) =>
        Database.AddAsync([.. daysBefore.Select(d => new InteractionEvent(customer.Id, DaysBefore(d), type, SalesChannel.App,
            checkoutStep: type == InteractionType.CheckoutStep ? 1 : null))]);

    public Task<SupportContact[]> AddSupportAsync(Customer customer, double daysBefore, SupportTopic topic, SupportOutcome outcome) =>
        Database.AddAsync(new SupportContact(customer.Id, DaysBefore(daysBefore), topic, outcome));

    /// <summary>Writes the entries the <paramref name="build"/> action makes on a fresh ledger of the customer.</summary>
    public Task<PointsLedgerEntry[]> AddLedgerAsync(Customer customer, Action<PointsLedger> build)
    {
        var ledger = new PointsLedger(customer.Id);
        build(ledger);
        return Database.AddAsync([.. ledger.Entries]);
    }

    /// <summary>An offer delivered <paramref name="deliveredDaysBefore"/> days before the cut-off, valid for 20 days, redeemed with the order when one is given.</summary>
    public async Task<Offer> AddDeliveredOfferAsync(Customer customer, double deliveredDaysBefore, Order? redeemedWith = null)
    {
        var delivered = DaysBefore(deliveredDaysBefore);
        var offer = new Offer(customer.Id, null, "10 % off", "test", null, 5m, 1m, delivered.AddDays(-2), delivered.AddDays(20));
        offer.Approve("manager@test", delivered.AddDays(-1));
        offer.MarkDelivered(delivered);
        if (redeemedWith is not null)
            offer.Redeem(redeemedWith.Id, redeemedWith.OrderedAt);
        await Database.AddAsync(offer);
        return offer;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

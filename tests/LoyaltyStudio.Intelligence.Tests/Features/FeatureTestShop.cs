using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>The <see cref="TestShop"/> with the helpers feature tests need: events, support contacts, points, offers.</summary>
public sealed class FeatureTestShop : TestShop
{
    private FeatureTestShop(SqliteTestDatabase database, Product[] products) : base(database, products) { }

    public static async Task<FeatureTestShop> CreateAsync()
    {
        var (database, products) = await StockAsync();
        return new FeatureTestShop(database, products);
    }

    public async Task<Customer> AddCustomerAsync(string externalId, double signupDaysBefore)
    {
        var customer = new Customer(externalId, "Test", externalId, null, null, AgeBand.Unknown, "North",
            DaysBefore(signupDaysBefore), SalesChannel.Online, Consent.None(DaysBefore(signupDaysBefore)));
        await Database.AddAsync(customer);
        return customer;
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

}

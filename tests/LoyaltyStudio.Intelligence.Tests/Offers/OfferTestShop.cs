using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

/// <summary>The <see cref="TestShop"/> with the standard tier ladder and the helpers offer tests need: consent, views, campaigns.</summary>
public sealed class OfferTestShop : TestShop
{
    private OfferTestShop(SqliteTestDatabase database, Product[] products) : base(database, products) { }

    public static async Task<OfferTestShop> CreateAsync()
    {
        var (database, products) = await StockAsync();
        await database.AddAsync(
            new Tier("BRONZE", "Bronze", 0, 0m, 1m),
            new Tier("SILVER", "Silver", 1, 250m, 1.25m),
            new Tier("GOLD", "Gold", 2, 750m, 1.5m),
            new Tier("PLATINUM", "Platinum", 3, 2000m, 2m));
        return new OfferTestShop(database, products);
    }

    /// <summary>A customer who signed up two years before the cut-off, with e-mail consent unless told otherwise.</summary>
    public async Task<Customer> AddCustomerAsync(string externalId, bool emailConsent = true)
    {
        var signup = DaysBefore(730);
        var customer = new Customer(externalId, "Test", externalId, null, null, AgeBand.Unknown, "North", signup, SalesChannel.Online,
            new Consent(emailConsent, false, false, true, signup));
        await Database.AddAsync(customer);
        return customer;
    }

    /// <summary>An online order of <paramref name="quantity"/> units of one product at its price.</summary>
    public Task<Order> AddOrderAsync(Customer customer, double daysBefore, Product product, int quantity = 1) =>
        AddOrderAsync(customer, daysBefore, SalesChannel.Online, (product, quantity, 0m));

    public Task<InteractionEvent[]> AddViewsAsync(Customer customer, Product product, params double[] daysBefore) =>
        Database.AddAsync([.. daysBefore.Select(d => new InteractionEvent(customer.Id, DaysBefore(d), InteractionType.ProductView,
            SalesChannel.Online, product.Id))]);

    /// <summary>A completed campaign whose offer window runs from <paramref name="startDaysBefore"/> for 14 days, with a 50 % holdout.</summary>
    public async Task<Campaign> AddCompletedCampaignAsync(string name, double startDaysBefore)
    {
        var start = DaysBefore(startDaysBefore);
        var audience = (await Database.AddAsync(new SavedAudience($"{name} audience", "{}", "marketer@test", start.AddDays(-10))))[0];
        var campaign = new Campaign(name, "10 % off the next basket", audience.Id, 0.5m, "marketer@test", start.AddDays(-10));
        campaign.Schedule(start, start.AddDays(14));
        campaign.SubmitForApproval("marketer@test");
        campaign.Approve("manager@test", start.AddDays(-5));
        campaign.Start(start);
        campaign.Complete(start.AddDays(14));
        await Database.AddAsync(campaign);
        return campaign;
    }

    /// <summary>Puts the customer in the campaign's holdout.</summary>
    public Task<HoldoutAssignment[]> HoldOutAsync(Campaign campaign, Customer customer) =>
        Database.AddAsync(new HoldoutAssignment(campaign.Id, customer.Id, true, campaign.StartsAt!.Value.AddDays(-1)));

    /// <summary>Treats the customer: an assignment and a delivered offer, redeemed with <paramref name="redeemedWith"/> when given.</summary>
    public async Task TreatAsync(Campaign campaign, Customer customer, Order? redeemedWith = null)
    {
        var (start, end) = (campaign.StartsAt!.Value, campaign.EndsAt!.Value);
        await Database.AddAsync(new HoldoutAssignment(campaign.Id, customer.Id, false, start.AddDays(-1)));
        var offer = new Offer(customer.Id, campaign.Id, "10 % off your next basket", campaign.Name, null, 1m, 1m, start.AddDays(-2), end);
        offer.Approve("manager@test", start.AddDays(-1));
        offer.MarkDelivered(start);
        if (redeemedWith is not null)
            offer.Redeem(redeemedWith.Id, redeemedWith.OrderedAt);
        else
            offer.Expire(end);
        await Database.AddAsync(offer);
    }

}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Intelligence.Features;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>
/// Hand-built customers whose features were worked out by hand. Customer "A" (signed up
/// 400 days before the cut-off) bought, in days before the cut-off:
/// 300 online 2 coffee (20.00); 200 in store 1 tea with 2.00 off (6.00); 100 in the app 1 coffee (10.00);
/// 60 in the app 1 coffee + 1 tea (18.00); 20 online 2 bakery (10.00).
/// </summary>
public sealed class HandBuiltCustomers : IAsyncLifetime
{
    private FeatureTestShop _shop = null!;

    public FeatureTestShop Shop => _shop;

    public Customer A { get; private set; } = null!;

    /// <summary>One purchase, in store, 10 days before the cut-off; signed up 30 days before.</summary>
    public Customer OneTimeBuyer { get; private set; } = null!;

    /// <summary>Bought only at the cut-off.</summary>
    public Customer OnlyLater { get; private set; } = null!;

    public Customer Never { get; private set; } = null!;

    /// <summary>A's offer delivered 10 days before the cut-off, still open at it.</summary>
    public Offer OpenOffer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _shop = await FeatureTestShop.CreateAsync();
        var shop = _shop;
        A = await shop.AddCustomerAsync("A", 400);
        var first = await shop.AddOrderAsync(A, 300, SalesChannel.Online, (shop.Coffee, 2, 0m));
        await shop.AddOrderAsync(A, 200, SalesChannel.Store, (shop.Tea, 1, 2m));
        await shop.AddOrderAsync(A, 100, SalesChannel.App, (shop.Coffee, 1, 0m));
        await shop.AddOrderAsync(A, 60, SalesChannel.App, (shop.Coffee, 1, 0m), (shop.Tea, 1, 0m));
        await shop.AddOrderAsync(A, 20, SalesChannel.Online, (shop.Bakery, 2, 0m));

        // Points: earned 1000 and redeemed 100 more than a year ago; in the year: +500, −200 redeemed, +100, −50 expired.
        await shop.AddLedgerAsync(A, ledger =>
        {
            ledger.Earn(1000, DaysBefore(500));
            ledger.Redeem(100, DaysBefore(400));
            ledger.Earn(500, DaysBefore(300));
            ledger.Redeem(200, DaysBefore(200));
            ledger.Earn(100, DaysBefore(100));
            ledger.Expire(50, DaysBefore(50));
        });

        // App opens: 3 in the last 28 days, 2 in the 28 before, one older. Browsing: 3 recent, 1 before; e-mail does not count.
        await shop.AddEventsAsync(A, InteractionType.AppOpen, 5, 10, 27, 30, 50, 60);
        await shop.AddEventsAsync(A, InteractionType.ProductView, 3, 40);
        await shop.AddEventsAsync(A, InteractionType.CartAdd, 3);
        await shop.AddEventsAsync(A, InteractionType.CheckoutStep, 3);
        await shop.AddEventsAsync(A, InteractionType.EmailOpen, 2);

        // Support in the year: two delivery contacts that went badly, one product question resolved; one older.
        await shop.AddSupportAsync(A, 100, SupportTopic.Delivery, SupportOutcome.Unresolved);
        await shop.AddSupportAsync(A, 200, SupportTopic.Product, SupportOutcome.Resolved);
        await shop.AddSupportAsync(A, 300, SupportTopic.Delivery, SupportOutcome.ResolvedLate);
        await shop.AddSupportAsync(A, 400, SupportTopic.Delivery, SupportOutcome.Unresolved);

        // Offers delivered in the year: one redeemed, one expired, one still open at the cut-off; one older.
        await shop.AddDeliveredOfferAsync(A, 305, redeemedWith: first);
        await shop.AddDeliveredOfferAsync(A, 100);
        OpenOffer = await shop.AddDeliveredOfferAsync(A, 10);
        await shop.AddDeliveredOfferAsync(A, 420);

        OneTimeBuyer = await shop.AddCustomerAsync("single", 30);
        await shop.AddOrderAsync(OneTimeBuyer, 10, SalesChannel.Store, (shop.Tea, 1, 0m));

        OnlyLater = await shop.AddCustomerAsync("later", 30);
        await shop.AddOrderAsync(OnlyLater, 0, SalesChannel.Online, (shop.Tea, 1, 0m));
        Never = await shop.AddCustomerAsync("never", 30);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    public Task<FeatureTable> BuildAsync(IReadOnlyCollection<long>? ids = null) =>
        new SqlFeatureBuilder(_shop.Database.Factory).BuildAsync(Cutoff, ids);
}

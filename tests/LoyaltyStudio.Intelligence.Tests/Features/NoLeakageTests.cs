using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>Rows at or after the cut-off, and changes made after it, never reach the features.</summary>
public sealed class NoLeakageTests : IAsyncLifetime
{
    // Its own copy of the customers: this test writes to the database.
    private readonly HandBuiltCustomers _customers = new();

    public Task InitializeAsync() => _customers.InitializeAsync();

    public Task DisposeAsync() => _customers.DisposeAsync();

    [Fact]
    public async Task Rows_added_at_or_after_the_cutoff_leave_the_table_unchanged()
    {
        var before = await _customers.BuildAsync();

        var shop = _customers.Shop;
        var atCutoff = await shop.AddOrderAsync(_customers.A, 0, SalesChannel.App, (shop.Coffee, 5, 0m));
        await shop.AddOrderAsync(_customers.OneTimeBuyer, -3, SalesChannel.Online, (shop.Bakery, 4, 1m));
        await shop.AddLedgerAsync(_customers.Never, ledger => ledger.Earn(900, DaysBefore(0)));
        await shop.AddLedgerAsync(_customers.A, ledger =>
        {
            ledger.Earn(300, DaysBefore(0));
            ledger.Redeem(100, DaysBefore(-1));
        });
        await shop.AddEventsAsync(_customers.A, InteractionType.AppOpen, 0, -1, -2);
        await shop.AddEventsAsync(_customers.OneTimeBuyer, InteractionType.ProductView, 0, -5);
        await shop.AddSupportAsync(_customers.A, 0, SupportTopic.Delivery, SupportOutcome.Unresolved);
        await shop.AddSupportAsync(_customers.OneTimeBuyer, -1, SupportTopic.Refund, SupportOutcome.Escalated);
        await shop.AddDeliveredOfferAsync(_customers.A, 0);
        await shop.AddDeliveredOfferAsync(_customers.OneTimeBuyer, -2);
        // The offer open at the cut-off is redeemed after it, with the order placed at the cut-off.
        await using (var context = shop.Database.CreateContext())
        {
            var offer = await context.Offers.SingleAsync(o => o.Id == _customers.OpenOffer.Id);
            offer.Redeem(atCutoff.Id, atCutoff.OrderedAt);
            await context.SaveChangesAsync();
        }
        var after = await _customers.BuildAsync();

        Assert.Equal(before.CustomerIds, after.CustomerIds);
        Assert.Equal(before.Names, after.Names);
        Assert.Equal(before.Values.ToArray(), after.Values.ToArray());
    }
}

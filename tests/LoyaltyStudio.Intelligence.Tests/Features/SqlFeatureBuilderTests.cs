using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Intelligence.Tests.Features.FeatureTestShop;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>
/// Every feature of a hand-built customer checked against a value worked out by hand. Customer "A" (signed up
/// 400 days before the cut-off) bought, in days before the cut-off:
/// 300 online 2 coffee (20.00); 200 in store 1 tea with 2.00 off (6.00); 100 in the app 1 coffee (10.00);
/// 60 in the app 1 coffee + 1 tea (18.00); 20 online 2 bakery (10.00).
/// </summary>
public sealed class SqlFeatureBuilderTests : IAsyncLifetime
{
    private FeatureTestShop _shop = null!;
    private Customer _a = null!;
    private Customer _single = null!;
    private Customer _onlyLater = null!;
    private Customer _never = null!;
    private Offer _openOffer = null!;

    public async Task InitializeAsync()
    {
        _shop = await CreateAsync();
        var shop = _shop;
        _a = await shop.AddCustomerAsync("A", 400);
        var first = await shop.AddOrderAsync(_a, 300, SalesChannel.Online, (shop.Coffee, 2, 0m));
        await shop.AddOrderAsync(_a, 200, SalesChannel.Store, (shop.Tea, 1, 2m));
        await shop.AddOrderAsync(_a, 100, SalesChannel.App, (shop.Coffee, 1, 0m));
        await shop.AddOrderAsync(_a, 60, SalesChannel.App, (shop.Coffee, 1, 0m), (shop.Tea, 1, 0m));
        await shop.AddOrderAsync(_a, 20, SalesChannel.Online, (shop.Bakery, 2, 0m));

        // Points: earned 1000 and redeemed 100 more than a year ago; in the year: +500, −200 redeemed, +100, −50 expired.
        await shop.AddLedgerAsync(_a, ledger =>
        {
            ledger.Earn(1000, DaysBefore(500));
            ledger.Redeem(100, DaysBefore(400));
            ledger.Earn(500, DaysBefore(300));
            ledger.Redeem(200, DaysBefore(200));
            ledger.Earn(100, DaysBefore(100));
            ledger.Expire(50, DaysBefore(50));
        });

        // App opens: 3 in the last 28 days, 2 in the 28 before, one older. Browsing: 3 recent, 1 before; e-mail does not count.
        await shop.AddEventsAsync(_a, InteractionType.AppOpen, 5, 10, 27, 30, 50, 60);
        await shop.AddEventsAsync(_a, InteractionType.ProductView, 3, 40);
        await shop.AddEventsAsync(_a, InteractionType.CartAdd, 3);
        await shop.AddEventsAsync(_a, InteractionType.CheckoutStep, 3);
        await shop.AddEventsAsync(_a, InteractionType.EmailOpen, 2);

        // Support in the year: two delivery contacts that went badly, one product question resolved; one older.
        await shop.AddSupportAsync(_a, 100, SupportTopic.Delivery, SupportOutcome.Unresolved);
        await shop.AddSupportAsync(_a, 200, SupportTopic.Product, SupportOutcome.Resolved);
        await shop.AddSupportAsync(_a, 300, SupportTopic.Delivery, SupportOutcome.ResolvedLate);
        await shop.AddSupportAsync(_a, 400, SupportTopic.Delivery, SupportOutcome.Unresolved);

        // Offers delivered in the year: one redeemed, one expired, one still open at the cut-off; one older.
        await shop.AddDeliveredOfferAsync(_a, 305, redeemedWith: first);
        await shop.AddDeliveredOfferAsync(_a, 100);
        _openOffer = await shop.AddDeliveredOfferAsync(_a, 10);
        await shop.AddDeliveredOfferAsync(_a, 420);

        _single = await shop.AddCustomerAsync("single", 30);
        await shop.AddOrderAsync(_single, 10, SalesChannel.Store, (shop.Tea, 1, 0m));

        _onlyLater = await shop.AddCustomerAsync("later", 30);
        await shop.AddOrderAsync(_onlyLater, 0, SalesChannel.Online, (shop.Tea, 1, 0m));
        _never = await shop.AddCustomerAsync("never", 30);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<FeatureTable> BuildAsync(IReadOnlyCollection<long>? ids = null) =>
        new SqlFeatureBuilder(_shop.Database.Factory).BuildAsync(Cutoff, ids);

    [Fact]
    public async Task Only_customers_who_bought_before_the_cutoff_get_a_row_in_id_order()
    {
        var table = await BuildAsync();

        Assert.Equal([_a.Id, _single.Id], table.CustomerIds);
        Assert.Equal(FeatureNames.Fixed.Count + 3, table.Width);
        Assert.Equal(Cutoff, table.Cutoff);
    }

    [Fact]
    public async Task Recency_counts_and_spends_per_window_follow_the_orders()
    {
        var table = await BuildAsync();

        Assert.Equal(20f, table[0, FeatureNames.RecencyDays], 4);
        Assert.Equal(1f, table[0, FeatureNames.Orders30]);
        Assert.Equal(2f, table[0, FeatureNames.Orders90]);
        Assert.Equal(5f, table[0, FeatureNames.Orders365]);
        Assert.Equal(10f, table[0, FeatureNames.Spend30], 4);
        Assert.Equal(28f, table[0, FeatureNames.Spend90], 4);
        Assert.Equal(64f, table[0, FeatureNames.Spend365], 4);
        Assert.Equal(400f, table[0, FeatureNames.TenureDays], 4);
    }

    [Fact]
    public async Task Gaps_are_the_mean_and_spread_of_the_days_between_purchases()
    {
        var table = await BuildAsync();

        // Gaps 100, 100, 40, 40: mean 70, population standard deviation 30.
        Assert.Equal(70f, table[0, FeatureNames.GapMeanDays], 4);
        Assert.Equal(30f, table[0, FeatureNames.GapStdDays], 4);
        Assert.Equal(20f / 70f, table[0, FeatureNames.RecencyOverGap], 5);
    }

    [Fact]
    public async Task A_single_purchase_leaves_the_gap_features_at_zero()
    {
        var table = await BuildAsync();

        Assert.Equal(10f, table[1, FeatureNames.RecencyDays], 4);
        Assert.Equal(30f, table[1, FeatureNames.TenureDays], 4);
        Assert.Equal(0f, table[1, FeatureNames.GapMeanDays]);
        Assert.Equal(0f, table[1, FeatureNames.GapStdDays]);
        Assert.Equal(0f, table[1, FeatureNames.RecencyOverGap]);
        Assert.Equal(1f, table[1, FeatureNames.ChannelShareStore]);
        Assert.Equal(1f, table[1, FeatureNames.CategorySharePrefix + "Tea"]);
    }

    [Fact]
    public async Task Trends_compare_the_last_90_days_with_the_90_before()
    {
        var table = await BuildAsync();

        // Orders 2 against 1; spend 28 against 10.
        Assert.Equal((2f - 1f) / (2f + 1f + 1f), table[0, FeatureNames.OrdersTrend], 5);
        Assert.Equal((28f - 10f) / (28f + 10f + 1f), table[0, FeatureNames.SpendTrend], 5);
    }

    [Fact]
    public async Task Channel_and_discount_shares_follow_the_orders()
    {
        var table = await BuildAsync();

        Assert.Equal(2f / 5f, table[0, FeatureNames.ChannelShareOnline], 5);
        Assert.Equal(2f / 5f, table[0, FeatureNames.ChannelShareApp], 5);
        Assert.Equal(1f / 5f, table[0, FeatureNames.ChannelShareStore], 5);
        // 2.00 off a gross 66.00 (64.00 paid).
        Assert.Equal(2f / 66f, table[0, FeatureNames.DiscountShare], 5);
    }

    [Fact]
    public async Task Category_shares_split_the_years_spend_and_the_shift_is_the_Jensen_Shannon_distance()
    {
        var table = await BuildAsync();

        // Coffee 20 + 10 + 10, tea 6 + 8, bakery 10 of 64.
        Assert.Equal(40f / 64f, table[0, FeatureNames.CategorySharePrefix + "Coffee"], 5);
        Assert.Equal(14f / 64f, table[0, FeatureNames.CategorySharePrefix + "Tea"], 5);
        Assert.Equal(10f / 64f, table[0, FeatureNames.CategorySharePrefix + "Bakery"], 5);
        // Last 90 days: coffee 10, tea 8, bakery 10 (of 28); the 275 before: coffee 30, tea 6 (of 36).
        // By hand: M = (0.5952, 0.2262, 0.1786); JS divergence 0.26066 bits; distance √0.26066 = 0.51055.
        Assert.Equal(0.51055f, table[0, FeatureNames.CategoryShift], 4);
    }

    [Fact]
    public async Task Points_balance_and_redemptions_come_from_the_ledger()
    {
        var table = await BuildAsync();

        Assert.Equal(1000f - 100f + 500f - 200f + 100f - 50f, table[0, FeatureNames.PointsBalance]);
        Assert.Equal(1f, table[0, FeatureNames.Redemptions365]);
    }

    [Fact]
    public async Task App_opens_and_browsing_are_counted_over_28_days_with_their_trend()
    {
        var table = await BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.AppOpens28]);
        Assert.Equal((3f - 2f) / (3f + 2f + 1f), table[0, FeatureNames.AppOpensTrend], 5);
        Assert.Equal(3f, table[0, FeatureNames.Browsing28]);
        Assert.Equal((3f - 1f) / (3f + 1f + 1f), table[0, FeatureNames.BrowsingTrend], 5);
    }

    [Fact]
    public async Task Support_contacts_bad_outcomes_and_delivery_complaints_are_counted_over_the_year()
    {
        var table = await BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.SupportContacts365]);
        Assert.Equal(2f, table[0, FeatureNames.SupportBadOutcomes365]);
        Assert.Equal(2f, table[0, FeatureNames.DeliveryComplaints365]);
    }

    [Fact]
    public async Task Offer_response_is_the_share_of_the_years_offers_redeemed_before_the_cutoff()
    {
        var table = await BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.OffersReceived365]);
        Assert.Equal(1f / 3f, table[0, FeatureNames.OfferResponseRate], 5);
    }

    [Fact]
    public async Task Rows_added_at_or_after_the_cutoff_leave_the_table_unchanged()
    {
        var before = await BuildAsync();

        var shop = _shop;
        var atCutoff = await shop.AddOrderAsync(_a, 0, SalesChannel.App, (shop.Coffee, 5, 0m));
        await shop.AddOrderAsync(_single, -3, SalesChannel.Online, (shop.Bakery, 4, 1m));
        await shop.AddLedgerAsync(_never, ledger => ledger.Earn(900, DaysBefore(0)));
        await shop.AddEventsAsync(_a, InteractionType.AppOpen, 0, -1, -2);
        await shop.AddEventsAsync(_single, InteractionType.ProductView, 0, -5);
        await shop.AddSupportAsync(_a, 0, SupportTopic.Delivery, SupportOutcome.Unresolved);
        await shop.AddSupportAsync(_single, -1, SupportTopic.Refund, SupportOutcome.Escalated);
        await shop.AddDeliveredOfferAsync(_a, 0);
        await shop.AddDeliveredOfferAsync(_single, -2);
        // The offer open at the cut-off is redeemed after it, with the order placed at the cut-off.
        await using (var context = shop.Database.CreateContext())
        {
            var offer = await context.Offers.SingleAsync(o => o.Id == _openOffer.Id);
            offer.Redeem(atCutoff.Id, atCutoff.OrderedAt);
            await context.SaveChangesAsync();
        }
        var after = await BuildAsync();

        Assert.Equal(before.CustomerIds, after.CustomerIds);
        Assert.Equal(before.Names, after.Names);
        Assert.Equal(before.Values.ToArray(), after.Values.ToArray());
    }

    [Fact]
    public async Task Given_customer_ids_limit_the_table_to_those_who_bought_before_the_cutoff()
    {
        var all = await BuildAsync();

        var some = await BuildAsync([_never.Id, _a.Id, _onlyLater.Id, 999_999]);

        Assert.Equal([_a.Id], some.CustomerIds);
        Assert.Equal(all.Row(0).ToArray(), some.Row(0).ToArray());
    }

    [Fact]
    public async Task A_local_cutoff_means_the_same_moment_in_utc()
    {
        var utc = await BuildAsync();

        var local = await new SqlFeatureBuilder(_shop.Database.Factory).BuildAsync(Cutoff.ToLocalTime());

        Assert.Equal(Cutoff, local.Cutoff);
        Assert.Equal(utc.Values.ToArray(), local.Values.ToArray());
    }
}

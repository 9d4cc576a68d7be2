using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Intelligence.Features;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>Every feature of the <see cref="HandBuiltCustomers"/> checked against a value worked out by hand.</summary>
public sealed class SqlFeatureBuilderTests(HandBuiltCustomers customers) : IClassFixture<HandBuiltCustomers>
{
    [Fact]
    public async Task Only_customers_who_bought_before_the_cutoff_get_a_row_in_id_order()
    {
        var table = await customers.BuildAsync();

        Assert.Equal([customers.A.Id, customers.OneTimeBuyer.Id], table.CustomerIds);
        Assert.Equal(FeatureNames.Fixed.Count + 3, table.Width);
        Assert.Equal(Cutoff, table.Cutoff);
    }

    [Fact]
    public async Task Recency_counts_and_spends_per_window_follow_the_orders()
    {
        var table = await customers.BuildAsync();

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
        var table = await customers.BuildAsync();

        // Gaps 100, 100, 40, 40: mean 70, population standard deviation 30.
        Assert.Equal(70f, table[0, FeatureNames.GapMeanDays], 4);
        Assert.Equal(30f, table[0, FeatureNames.GapStdDays], 4);
        Assert.Equal(20f / 70f, table[0, FeatureNames.RecencyOverGap], 5);
    }

    [Fact]
    public async Task A_single_purchase_leaves_the_gap_features_at_zero()
    {
        var table = await customers.BuildAsync();

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
        var table = await customers.BuildAsync();

        // Orders 2 against 1; spend 28 against 10.
        Assert.Equal((2f - 1f) / (2f + 1f + 1f), table[0, FeatureNames.OrdersTrend], 5);
        Assert.Equal((28f - 10f) / (28f + 10f + 1f), table[0, FeatureNames.SpendTrend], 5);
    }

    [Fact]
    public async Task Channel_and_discount_shares_follow_the_orders()
    {
        var table = await customers.BuildAsync();

        Assert.Equal(2f / 5f, table[0, FeatureNames.ChannelShareOnline], 5);
        Assert.Equal(2f / 5f, table[0, FeatureNames.ChannelShareApp], 5);
        Assert.Equal(1f / 5f, table[0, FeatureNames.ChannelShareStore], 5);
        // 2.00 off a gross 66.00 (64.00 paid).
        Assert.Equal(2f / 66f, table[0, FeatureNames.DiscountShare], 5);
    }

    [Fact]
    public async Task Category_shares_split_the_years_spend_and_the_shift_is_the_Jensen_Shannon_distance()
    {
        var table = await customers.BuildAsync();

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
        var table = await customers.BuildAsync();

        Assert.Equal(1000f - 100f + 500f - 200f + 100f - 50f, table[0, FeatureNames.PointsBalance]);
        Assert.Equal(1f, table[0, FeatureNames.Redemptions365]);
    }

    [Fact]
    public async Task App_opens_and_browsing_are_counted_over_28_days_with_their_trend()
    {
        var table = await customers.BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.AppOpens28]);
        Assert.Equal((3f - 2f) / (3f + 2f + 1f), table[0, FeatureNames.AppOpensTrend], 5);
        Assert.Equal(3f, table[0, FeatureNames.Browsing28]);
        Assert.Equal((3f - 1f) / (3f + 1f + 1f), table[0, FeatureNames.BrowsingTrend], 5);
    }

    [Fact]
    public async Task Support_contacts_bad_outcomes_and_delivery_complaints_are_counted_over_the_year()
    {
        var table = await customers.BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.SupportContacts365]);
        Assert.Equal(2f, table[0, FeatureNames.SupportBadOutcomes365]);
        Assert.Equal(2f, table[0, FeatureNames.DeliveryComplaints365]);
    }

    [Fact]
    public async Task Offer_response_is_the_share_of_the_years_offers_redeemed_before_the_cutoff()
    {
        var table = await customers.BuildAsync();

        Assert.Equal(3f, table[0, FeatureNames.OffersReceived365]);
        Assert.Equal(1f / 3f, table[0, FeatureNames.OfferResponseRate], 5);
    }

    [Fact]
    public async Task Given_customer_ids_limit_the_table_to_those_who_bought_before_the_cutoff()
    {
        var all = await customers.BuildAsync();

        var some = await customers.BuildAsync([customers.Never.Id, customers.A.Id, customers.OnlyLater.Id, 999_999]);

        Assert.Equal([customers.A.Id], some.CustomerIds);
        Assert.Equal(all.Row(0).ToArray(), some.Row(0).ToArray());
    }

    [Fact]
    public async Task A_local_cutoff_means_the_same_moment_in_utc()
    {
        var utc = await customers.BuildAsync();

        var local = await new SqlFeatureBuilder(customers.Shop.Database.Factory).BuildAsync(Cutoff.ToLocalTime());

        Assert.Equal(Cutoff, local.Cutoff);
        Assert.Equal(utc.Values.ToArray(), local.Values.ToArray());
    }
}

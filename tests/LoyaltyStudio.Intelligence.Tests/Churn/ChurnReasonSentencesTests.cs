using System.Globalization;
using System.Text.RegularExpressions;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class ChurnReasonSentencesTests
{
    [Theory]
    [InlineData(FeatureNames.RecencyDays)]
    [InlineData(FeatureNames.RecencyOverGap)]
    [InlineData(FeatureNames.GapMeanDays)]
    public void An_overdue_customer_is_told_against_the_usual_gap_in_days(string feature)
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 64), (FeatureNames.GapMeanDays, 12), (FeatureNames.RecencyOverGap, 64f / 12));

        Assert.Equal("No purchase for 64 days; usually buys every 12 days", Describe(table, feature));
    }

    [Fact]
    public void A_customer_within_the_usual_gap_is_told_when_the_last_purchase_was()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 5), (FeatureNames.GapMeanDays, 156), (FeatureNames.RecencyOverGap, 5f / 156));

        Assert.Equal("Last purchase 5 days ago; usually buys every 156 days", Describe(table, FeatureNames.RecencyDays));
    }

    [Fact]
    public void One_day_is_singular_and_a_daily_buyer_buys_every_day()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 1.2f), (FeatureNames.GapMeanDays, 1.1f));

        Assert.Equal("No purchase for 1 day; usually buys every day", Describe(table, FeatureNames.RecencyDays));
    }

    [Fact]
    public void A_purchase_within_the_last_day_is_not_told_as_no_purchase_for_0_days()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 0.3f), (FeatureNames.GapMeanDays, 115));

        Assert.Equal("Last purchase less than a day ago; usually buys every 115 days", Describe(table, FeatureNames.RecencyDays));
    }

    [Fact]
    public void Same_day_repeat_orders_are_not_told_as_buying_every_0_days()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 90), (FeatureNames.GapMeanDays, 0.3f));

        Assert.Equal("No purchase for 90 days; earlier orders came within a day of each other", Describe(table, FeatureNames.RecencyDays));
        Assert.Equal("No purchase for 90 days; earlier orders came within a day of each other", Describe(table, FeatureNames.GapMeanDays));
    }

    [Fact]
    public void A_one_time_buyer_is_told_so_beside_the_days_since_the_purchase()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 200));

        Assert.Equal("No purchase for 200 days; has bought only once", Describe(table, FeatureNames.RecencyDays));
        Assert.Equal("Has bought only once", Describe(table, FeatureNames.GapStdDays));
    }

    [Fact]
    public void Several_orders_at_one_moment_are_not_told_as_a_single_purchase()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 40), (FeatureNames.RecencyOverGap, 50));

        Assert.Equal("No purchase for 40 days; earlier orders all came at once", Describe(table, FeatureNames.RecencyDays));
    }

    [Fact]
    public void App_open_trend_gives_both_counts_and_the_change_in_percent()
    {
        // 3 opens now against 10 before: trend (3 − 10) / (3 + 10 + 1) = −0.5, a fall of 70 %.
        var table = OneCustomer((FeatureNames.AppOpens28, 3), (FeatureNames.AppOpensTrend, -0.5f));

        Assert.Equal("3 app opens in the last 4 weeks, down 70% from 10 the 4 weeks before", Describe(table, FeatureNames.AppOpensTrend));
    }

    [Fact]
    public void A_trend_to_nothing_says_none_and_how_many_there_were()
    {
        var stopped = OneCustomer((FeatureNames.AppOpens28, 0), (FeatureNames.AppOpensTrend, -12f / 13));
        var never = OneCustomer((FeatureNames.Browsing28, 0), (FeatureNames.BrowsingTrend, 0));

        Assert.Equal("No app opens in the last 4 weeks, after 12 the 4 weeks before", Describe(stopped, FeatureNames.AppOpensTrend));
        Assert.Equal("No product views or cart visits in the last 8 weeks", Describe(never, FeatureNames.BrowsingTrend));
    }

    [Fact]
    public void A_rising_trend_says_up_and_from_how_many()
    {
        var table = OneCustomer((FeatureNames.Browsing28, 6), (FeatureNames.BrowsingTrend, 2f / 11));
        var fromNothing = OneCustomer((FeatureNames.Orders90, 2), (FeatureNames.OrdersTrend, 2f / 3));

        Assert.Equal("6 product views and cart visits in the last 4 weeks, up 50% from 4 the 4 weeks before", Describe(table, FeatureNames.BrowsingTrend));
        Assert.Equal("2 orders in the last 90 days, none the 90 days before", Describe(fromNothing, FeatureNames.OrdersTrend));
    }

    [Fact]
    public void An_unchanged_count_says_the_same_as_before()
    {
        var table = OneCustomer((FeatureNames.AppOpens28, 1), (FeatureNames.AppOpensTrend, 0));

        Assert.Equal("1 app open in the last 4 weeks, the same as the 4 weeks before", Describe(table, FeatureNames.AppOpensTrend));
    }

    [Fact]
    public void Order_trend_is_told_against_the_previous_90_days()
    {
        // 1 order now against 4 before: trend −3 / 6.
        var table = OneCustomer((FeatureNames.Orders90, 1), (FeatureNames.OrdersTrend, -0.5f));

        Assert.Equal("1 order in the last 90 days, down 75% from 4 the 90 days before", Describe(table, FeatureNames.OrdersTrend));
    }

    [Fact]
    public void Spend_trend_shows_both_amounts_as_money()
    {
        // 110 spent now against 200 before: trend −90 / 311; a fall of 45 %.
        var table = OneCustomer((FeatureNames.Spend90, 110), (FeatureNames.SpendTrend, -90f / 311));

        Assert.Equal("Spent $110 in the last 90 days, down 45% from $200 the 90 days before", Describe(table, FeatureNames.SpendTrend));
    }

    [Fact]
    public void Spend_is_money_with_thousands_separators()
    {
        Assert.Equal("Spent only $1,240 in the last year", Describe(OneCustomer((FeatureNames.Spend365, 1240.4f), (FeatureNames.Orders365, 3)), FeatureNames.Spend365));
        Assert.Equal("No spend in the last 30 days", Describe(OneCustomer(), FeatureNames.Spend30));
        Assert.Equal("Spent nothing in the last 90 days once returns are counted",
            Describe(OneCustomer((FeatureNames.Spend90, -20), (FeatureNames.Orders90, 2)), FeatureNames.Spend90));
    }

    [Fact]
    public void Money_and_percentages_follow_the_culture_given()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        var table = OneCustomer((FeatureNames.Spend365, 1240), (FeatureNames.Orders365, 3), (FeatureNames.ChannelShareApp, 0.56f));

        Assert.Equal($"Spent only {1240.0.ToString("C0", german)} in the last year", ChurnReasonSentences.Describe(table, 0, FeatureNames.Spend365, german));
        Assert.Equal($"{0.56.ToString("P0", german)} of purchases in the app", ChurnReasonSentences.Describe(table, 0, FeatureNames.ChannelShareApp, german));
        Assert.Contains("€", ChurnReasonSentences.Describe(table, 0, FeatureNames.Spend365, german), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_are_spelled_in_singular_plural_and_none()
    {
        Assert.Equal("2 delivery complaints in the last year", Describe(OneCustomer((FeatureNames.DeliveryComplaints365, 2)), FeatureNames.DeliveryComplaints365));
        Assert.Equal("1 delivery complaint in the last year", Describe(OneCustomer((FeatureNames.DeliveryComplaints365, 1)), FeatureNames.DeliveryComplaints365));
        Assert.Equal("No orders in the last 30 days", Describe(OneCustomer((FeatureNames.Orders30, 0)), FeatureNames.Orders30));
        Assert.Equal("1 order in the last year", Describe(OneCustomer((FeatureNames.Orders365, 1)), FeatureNames.Orders365));
        Assert.Equal("1 app open in the last 4 weeks", Describe(OneCustomer((FeatureNames.AppOpens28, 1)), FeatureNames.AppOpens28));
        Assert.Equal("No product views or cart visits in the last 4 weeks", Describe(OneCustomer(), FeatureNames.Browsing28));
        Assert.Equal("3 support contacts in the last year", Describe(OneCustomer((FeatureNames.SupportContacts365, 3)), FeatureNames.SupportContacts365));
        Assert.Equal("1 support contact in the last year ended badly", Describe(OneCustomer((FeatureNames.SupportBadOutcomes365, 1)), FeatureNames.SupportBadOutcomes365));
        Assert.Equal("2 offers received in the last year", Describe(OneCustomer((FeatureNames.OffersReceived365, 2)), FeatureNames.OffersReceived365));
    }

    [Fact]
    public void Points_are_counted_with_their_unit()
    {
        Assert.Equal("1,234 points in the balance", Describe(OneCustomer((FeatureNames.PointsBalance, 1234)), FeatureNames.PointsBalance));
        Assert.Equal("1 point in the balance", Describe(OneCustomer((FeatureNames.PointsBalance, 1)), FeatureNames.PointsBalance));
        Assert.Equal("No points in the balance", Describe(OneCustomer(), FeatureNames.PointsBalance));
        Assert.Equal("Has not redeemed points in the last year", Describe(OneCustomer(), FeatureNames.Redemptions365));
        Assert.Equal("Redeemed points once in the last year", Describe(OneCustomer((FeatureNames.Redemptions365, 1)), FeatureNames.Redemptions365));
        Assert.Equal("Redeemed points 3 times in the last year", Describe(OneCustomer((FeatureNames.Redemptions365, 3)), FeatureNames.Redemptions365));
    }

    [Theory]
    [InlineData(1f, "Member for only 1 day")]
    [InlineData(12f, "Member for only 12 days")]
    [InlineData(300f, "Member for only 10 months")]
    [InlineData(500f, "Member for 16 months")]
    [InlineData(1000f, "Member for about 3 years")]
    public void Tenure_is_told_in_days_months_or_years(float days, string expected) =>
        Assert.Equal(expected, Describe(OneCustomer((FeatureNames.TenureDays, days)), FeatureNames.TenureDays));

    [Fact]
    public void Gap_spread_is_told_in_days()
    {
        Assert.Equal("Time between purchases varies by about 6 days",
            Describe(OneCustomer((FeatureNames.GapMeanDays, 20), (FeatureNames.GapStdDays, 6.2f)), FeatureNames.GapStdDays));
        Assert.Equal("Has bought at one steady interval so far",
            Describe(OneCustomer((FeatureNames.GapMeanDays, 20), (FeatureNames.GapStdDays, 0)), FeatureNames.GapStdDays));
    }

    [Fact]
    public void Shares_are_percentages_with_never_and_only_at_the_ends()
    {
        var table = OneCustomer((FeatureNames.ChannelShareApp, 0.56f), (FeatureNames.ChannelShareStore, 1), (FeatureNames.DiscountShare, 0.4f));

        Assert.Equal("56% of purchases in the app", Describe(table, FeatureNames.ChannelShareApp));
        Assert.Equal("Buys only in store", Describe(table, FeatureNames.ChannelShareStore));
        Assert.Equal("Never buys online", Describe(table, FeatureNames.ChannelShareOnline));
        Assert.Equal("Discounts made up 40% of the last year's order value", Describe(table, FeatureNames.DiscountShare));
        Assert.Equal("No discounts used in the last year", Describe(OneCustomer(), FeatureNames.DiscountShare));
        Assert.Equal("Discounts made up less than 1% of the last year's order value",
            Describe(OneCustomer((FeatureNames.DiscountShare, 0.004f)), FeatureNames.DiscountShare));
    }

    [Fact]
    public void Offer_response_says_how_many_of_the_offers_were_redeemed()
    {
        Assert.Equal("Redeemed 1 of the 4 offers received in the last year",
            Describe(OneCustomer((FeatureNames.OffersReceived365, 4), (FeatureNames.OfferResponseRate, 0.25f)), FeatureNames.OfferResponseRate));
        Assert.Equal("Redeemed none of the 4 offers received in the last year",
            Describe(OneCustomer((FeatureNames.OffersReceived365, 4)), FeatureNames.OfferResponseRate));
        Assert.Equal("Did not redeem the one offer received in the last year",
            Describe(OneCustomer((FeatureNames.OffersReceived365, 1)), FeatureNames.OfferResponseRate));
        Assert.Equal("Has not been sent an offer in the last year", Describe(OneCustomer(), FeatureNames.OfferResponseRate));
    }

    [Fact]
    public void Category_shares_name_the_category()
    {
        Assert.Equal("40% of the last year's spend on Coffee", Describe(OneCustomer((Coffee, 0.4f)), Coffee));
        Assert.Equal("All of the last year's spend on Coffee", Describe(OneCustomer((Coffee, 0.998f)), Coffee));
        Assert.Equal("Nothing spent on Coffee in the last year", Describe(OneCustomer(), Coffee));
    }

    [Fact]
    public void Category_shift_is_told_in_words_not_as_a_distance()
    {
        Assert.Equal("Buying very different categories than before",
            Describe(OneCustomer((FeatureNames.CategoryShift, 0.7f), (FeatureNames.Spend90, 50)), FeatureNames.CategoryShift));
        Assert.Equal("No spend in the last 90 days", Describe(OneCustomer(), FeatureNames.CategoryShift));
    }

    [Fact]
    public void Every_fixed_feature_has_its_own_sentence()
    {
        Assert.Empty(FeatureNames.Fixed.Except(ChurnReasonSentences.Known));
        var table = OneCustomer();
        foreach (var feature in FeatureNames.Fixed)
            Assert.False(string.IsNullOrWhiteSpace(Describe(table, feature)));
    }

    [Fact]
    public void No_sentence_leaves_a_number_without_its_unit_or_says_1_days()
    {
        // Values a scored customer can have, from one-day gaps to long absences; every template on each.
        var bare = new Regex(@"\d(;|$)|\b1 (days|orders|months|years|points|app opens|times)\b|\b0 days\b|\b0%", RegexOptions.CultureInvariant);
        float[][] customers =
        [
            [1.2f, 0, 0, 1, 0, 0, 30, 1, 1.1f, 0, 1.1f, -0.5f, -0.3f, 0.2f, 0.5f, 0.5f, 0, 0.1f, 1, 1, 1, -0.3f, 1, 0.2f, 1, 1, 1, 1, 1, 0.4f],
            [275, 0, 0, 0, 0, 0, 0, 900, 10.4f, 4, 26, -0.8f, -0.9f, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [0.4f, 3, 6, 20, 120, 300, 1500, 60, 18, 0.3f, 0.02f, 0.2f, 0.1f, 0.8f, 0.2f, 0.3f, 0.5f, 0.3f, 5, 1234, 15, 0.5f, 40, -0.2f, 3, 2, 2, 6, 0.5f, 1],
        ];
        foreach (var values in customers)
        {
            var table = OneCustomer([.. FeatureNames.Fixed.Zip(values).Select(p => (p.First, p.Second)), (Coffee, values[^1])]);
            foreach (var feature in table.Names)
                Assert.DoesNotMatch(bare, Describe(table, feature));
        }
    }

    private const string Coffee = FeatureNames.CategorySharePrefix + "Coffee";

    private static string Describe(FeatureTable table, string feature) => ChurnReasonSentences.Describe(table, 0, feature);

    internal static FeatureTable OneCustomer(params (string Name, float Value)[] values)
    {
        string[] names = [.. FeatureNames.Fixed, Coffee];
        var row = new float[names.Length];
        foreach (var (name, value) in values)
            row[Array.IndexOf(names, name)] = value;
        return new FeatureTable(new DateTime(2026, 7, 1), names, [42], row);
    }
}

using System.Globalization;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class ChurnReasonPickerTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void App_opens_and_their_trend_give_one_app_sentence_and_the_next_reason_takes_the_free_place()
    {
        var table = ChurnReasonSentencesTests.OneCustomer((FeatureNames.RecencyDays, 42), (FeatureNames.GapMeanDays, 33), (FeatureNames.Orders365, 4));

        var reasons = Pick(table, 3,
            (FeatureNames.AppOpens28, 5), (FeatureNames.AppOpensTrend, 4), (FeatureNames.Browsing28, 3), (FeatureNames.RecencyDays, 2), (FeatureNames.Orders365, 1));

        Assert.Equal([FeatureNames.AppOpens28, FeatureNames.Browsing28, FeatureNames.RecencyDays], reasons.Select(r => r.Feature));
        Assert.Equal(
            ["No app opens in the last 4 weeks", "No product views or cart visits in the last 4 weeks", "No purchase for 42 days; usually buys every 33 days"],
            reasons.Select(r => r.Sentence));
        Assert.Equal(9, reasons[0].Contribution, 5);
    }

    [Fact]
    public void The_stronger_feature_of_a_behaviour_gives_the_sentence()
    {
        var table = ChurnReasonSentencesTests.OneCustomer((FeatureNames.AppOpens28, 0), (FeatureNames.AppOpensTrend, -12f / 13));

        var reasons = Pick(table, 3, (FeatureNames.AppOpens28, 2), (FeatureNames.AppOpensTrend, 6));

        var reason = Assert.Single(reasons);
        Assert.Equal(FeatureNames.AppOpensTrend, reason.Feature);
        Assert.Equal("No app opens in the last 4 weeks, after 12 the 4 weeks before", reason.Sentence);
        Assert.Equal(8, reason.Contribution, 5);
    }

    [Theory]
    [InlineData(FeatureNames.Browsing28, FeatureNames.BrowsingTrend)]
    [InlineData(FeatureNames.Spend90, FeatureNames.SpendTrend)]
    [InlineData(FeatureNames.Spend365, FeatureNames.Spend30)]
    [InlineData(FeatureNames.Orders365, FeatureNames.OrdersTrend)]
    [InlineData(FeatureNames.SupportContacts365, FeatureNames.SupportBadOutcomes365)]
    [InlineData(FeatureNames.DeliveryComplaints365, FeatureNames.SupportContacts365)]
    [InlineData(FeatureNames.OffersReceived365, FeatureNames.OfferResponseRate)]
    [InlineData(FeatureNames.PointsBalance, FeatureNames.Redemptions365)]
    [InlineData(FeatureNames.ChannelShareApp, FeatureNames.ChannelShareStore)]
    [InlineData(FeatureNames.CategorySharePrefix + "Coffee", FeatureNames.CategoryShift)]
    public void Two_features_of_one_behaviour_give_one_reason(string stronger, string weaker)
    {
        // Orders in every window, so that spend and order windows tell about spending and ordering, not about recency.
        var table = ChurnReasonSentencesTests.OneCustomer(
            (FeatureNames.RecencyDays, 10), (FeatureNames.GapMeanDays, 30), (FeatureNames.Orders30, 1), (FeatureNames.Orders90, 2), (FeatureNames.Orders365, 5),
            (FeatureNames.Spend30, 20), (FeatureNames.Spend90, 60), (FeatureNames.Spend365, 300), (FeatureNames.SupportContacts365, 3),
            (FeatureNames.SupportBadOutcomes365, 2), (FeatureNames.DeliveryComplaints365, 1), (FeatureNames.OffersReceived365, 4),
            (FeatureNames.ChannelShareApp, 0.3f), (FeatureNames.ChannelShareStore, 0.7f), (FeatureNames.CategoryShift, 0.5f));

        var reasons = Pick(table, 3, (stronger, 5), (weaker, 4), (FeatureNames.TenureDays, 1));

        Assert.Equal([stronger, FeatureNames.TenureDays], reasons.Select(r => r.Feature));
        Assert.Equal(ChurnReasonSentences.Describe(table, 0, stronger, English), reasons[0].Sentence);
    }

    [Fact]
    public void An_order_window_without_orders_is_not_told_beside_the_days_since_the_last_purchase()
    {
        var table = ChurnReasonSentencesTests.OneCustomer(
            (FeatureNames.RecencyDays, 120), (FeatureNames.GapMeanDays, 40), (FeatureNames.Orders365, 2), (FeatureNames.TenureDays, 400));

        var reasons = Pick(table, 3,
            (FeatureNames.RecencyDays, 6), (FeatureNames.Orders30, 5), (FeatureNames.Spend90, 4), (FeatureNames.Orders365, 3), (FeatureNames.TenureDays, 1));

        Assert.Equal(
            ["No purchase for 120 days; usually buys every 40 days", "2 orders in the last year", "Member for 13 months"],
            reasons.Select(r => r.Sentence));
        Assert.Equal(15, reasons[0].Contribution, 5);
    }

    [Fact]
    public void Recency_is_told_in_its_full_sentence_whichever_of_its_features_leads()
    {
        var table = ChurnReasonSentencesTests.OneCustomer((FeatureNames.RecencyDays, 42), (FeatureNames.GapMeanDays, 33), (FeatureNames.Orders365, 6));

        var reasons = Pick(table, 3, (FeatureNames.Orders30, 6), (FeatureNames.RecencyDays, 2));

        var reason = Assert.Single(reasons);
        Assert.Equal(FeatureNames.Orders30, reason.Feature);
        Assert.Equal("No purchase for 42 days; usually buys every 33 days", reason.Sentence);
    }

    [Fact]
    public void A_one_time_buyers_order_count_and_gap_spread_are_told_once_as_recency()
    {
        var table = ChurnReasonSentencesTests.OneCustomer(
            (FeatureNames.RecencyDays, 279), (FeatureNames.Orders365, 1), (FeatureNames.TenureDays, 400));

        var reasons = Pick(table, 3, (FeatureNames.Browsing28, 10), (FeatureNames.Orders365, 3), (FeatureNames.GapStdDays, 1), (FeatureNames.TenureDays, 0.5f));

        Assert.Equal(
            ["No product views or cart visits in the last 4 weeks", "No purchase for 279 days; has bought only once", "Member for 13 months"],
            reasons.Select(r => r.Sentence));
    }

    [Fact]
    public void Features_that_lowered_the_score_are_no_reason_and_fewer_are_given_when_fewer_raised_it()
    {
        var table = ChurnReasonSentencesTests.OneCustomer((FeatureNames.AppOpens28, 3));

        var reasons = Pick(table, 3, (FeatureNames.AppOpens28, 2), (FeatureNames.PointsBalance, -4), (FeatureNames.TenureDays, 0));

        Assert.Equal(FeatureNames.AppOpens28, Assert.Single(reasons).Feature);
        Assert.Empty(Pick(table, 0, (FeatureNames.AppOpens28, 2)));
    }

    [Fact]
    public void Up_to_the_asked_number_of_distinct_behaviours_are_given_strongest_first()
    {
        var table = ChurnReasonSentencesTests.OneCustomer((FeatureNames.RecencyDays, 80), (FeatureNames.GapMeanDays, 30), (FeatureNames.Orders365, 2));

        var reasons = Pick(table, 4,
            (FeatureNames.Browsing28, 9), (FeatureNames.BrowsingTrend, 8), (FeatureNames.AppOpens28, 7), (FeatureNames.AppOpensTrend, 6),
            (FeatureNames.RecencyDays, 5), (FeatureNames.RecencyOverGap, 4), (FeatureNames.Orders365, 3), (FeatureNames.PointsBalance, 2));

        Assert.Equal([FeatureNames.Browsing28, FeatureNames.AppOpens28, FeatureNames.RecencyDays, FeatureNames.Orders365], reasons.Select(r => r.Feature));
        Assert.Equal([17, 13, 9, 3], reasons.Select(r => Math.Round(r.Contribution)));
    }

    [Fact]
    public void Contributions_of_another_width_than_the_table_are_refused()
    {
        var table = ChurnReasonSentencesTests.OneCustomer();

        var error = Assert.Throws<ArgumentException>(() => ChurnReasonPicker.Pick(table, 0, new float[3], 3, English));

        Assert.Contains($"Expected {table.Width} contributions", error.Message, StringComparison.Ordinal);
    }

    private static ChurnReason[] Pick(FeatureTable table, int count, params (string Feature, float Contribution)[] contributions)
    {
        var dense = new float[table.Width];
        foreach (var (feature, contribution) in contributions)
            dense[table.IndexOf(feature)] = contribution;
        return ChurnReasonPicker.Pick(table, 0, dense, count, English);
    }
}

using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class ChurnReasonSentencesTests
{
    [Fact]
    public void Recency_is_told_against_the_customers_usual_gap()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 64), (FeatureNames.GapMeanDays, 12), (FeatureNames.RecencyOverGap, 64f / 12));

        Assert.Equal("No purchase for 64 days; usually buys every 12", ChurnReasonSentences.Describe(table, 0, FeatureNames.RecencyDays));
        Assert.Equal("No purchase for 64 days; usually buys every 12", ChurnReasonSentences.Describe(table, 0, FeatureNames.RecencyOverGap));
    }

    [Fact]
    public void Same_day_repeat_orders_are_not_told_as_buying_every_0_days()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 90), (FeatureNames.GapMeanDays, 0.3f));

        Assert.Equal("No purchase for 90 days; earlier orders came within a day of each other", ChurnReasonSentences.Describe(table, 0, FeatureNames.RecencyDays));
        Assert.Equal("Bought again within a day, not since", ChurnReasonSentences.Describe(table, 0, FeatureNames.GapMeanDays));
    }

    [Fact]
    public void Recency_of_a_one_time_buyer_has_no_usual_gap()
    {
        var table = OneCustomer((FeatureNames.RecencyDays, 200));

        Assert.Equal("No purchase for 200 days", ChurnReasonSentences.Describe(table, 0, FeatureNames.RecencyDays));
    }

    [Fact]
    public void App_open_trend_is_turned_back_into_a_percentage_change()
    {
        // 3 opens now against 10 before: trend (3 − 10) / (3 + 10 + 1) = −0.5, a fall of 70 %.
        var table = OneCustomer((FeatureNames.AppOpens28, 3), (FeatureNames.AppOpensTrend, -0.5f));

        Assert.Equal("App opens down 70 % in the last 4 weeks", ChurnReasonSentences.Describe(table, 0, FeatureNames.AppOpensTrend));
    }

    [Fact]
    public void Spend_trend_is_told_against_the_previous_quarter()
    {
        // 110 spent now against 200 before: trend −90 / 311; a fall of 45 %.
        var table = OneCustomer((FeatureNames.Spend90, 110), (FeatureNames.SpendTrend, -90f / 311));

        Assert.Equal("Spend down 45 % on the previous quarter", ChurnReasonSentences.Describe(table, 0, FeatureNames.SpendTrend));
    }

    [Fact]
    public void Counts_are_spelled_in_singular_plural_and_none()
    {
        Assert.Equal("2 delivery complaints in the last year",
            ChurnReasonSentences.Describe(OneCustomer((FeatureNames.DeliveryComplaints365, 2)), 0, FeatureNames.DeliveryComplaints365));
        Assert.Equal("1 delivery complaint in the last year",
            ChurnReasonSentences.Describe(OneCustomer((FeatureNames.DeliveryComplaints365, 1)), 0, FeatureNames.DeliveryComplaints365));
        Assert.Equal("No orders in the last 30 days",
            ChurnReasonSentences.Describe(OneCustomer((FeatureNames.Orders30, 0)), 0, FeatureNames.Orders30));
    }

    [Fact]
    public void Category_shares_name_the_category()
    {
        var table = OneCustomer((FeatureNames.CategorySharePrefix + "Coffee", 0.4f));

        Assert.Equal("40 % of the last year's spend on Coffee", ChurnReasonSentences.Describe(table, 0, FeatureNames.CategorySharePrefix + "Coffee"));
    }

    [Fact]
    public void Every_fixed_feature_has_its_own_sentence()
    {
        Assert.Empty(FeatureNames.Fixed.Except(ChurnReasonSentences.Known));
        var table = OneCustomer();
        foreach (var feature in FeatureNames.Fixed)
            Assert.False(string.IsNullOrWhiteSpace(ChurnReasonSentences.Describe(table, 0, feature)));
    }

    private static FeatureTable OneCustomer(params (string Name, float Value)[] values)
    {
        string[] names = [.. FeatureNames.Fixed, FeatureNames.CategorySharePrefix + "Coffee"];
        var row = new float[names.Length];
        foreach (var (name, value) in values)
            row[Array.IndexOf(names, name)] = value;
        return new FeatureTable(new DateTime(2026, 7, 1), names, [42], row);
    }
}

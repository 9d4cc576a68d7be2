using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

public sealed class CustomerSummaryBuilderTests
{
    private static CustomerPurchase Buy(string id, string date, double amount) =>
        new(id, DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);

    private static readonly CustomerPurchase[] Purchases =
    [
        Buy("A", "2024-01-01", 10), Buy("A", "2024-01-03 18:30", 5), // days 0 and 2: both in week 0
        Buy("A", "2024-01-15", 20), Buy("A", "2024-01-16", 4),       // days 14 and 15: both in week 2
        Buy("A", "2024-02-20", 99),                                  // after the end date: ignored
        Buy("B", "2024-01-10", 7),
        Buy("C", "2024-02-02", 8),                                   // first purchase after the end: left out
        Buy("D", "2024-01-29", 30), Buy("D", "2024-01-01", 1), Buy("D", "2024-01-08", 10), // days 28, 0, 7
    ];

    [Fact]
    public void Purchases_in_the_same_period_collapse_into_one_repeat_purchase()
    {
        var summaries = new CustomerSummaryBuilder(7, new DateOnly(2024, 1, 31)).Build(Purchases);

        // A: weeks 0 and 2 → one repeat; last purchase week 2; T = floor(30/7) = 4; repeat value 20 + 4 = 24.
        Assert.Equal(new CustomerSummary("A", 1, 2, 4, 24), summaries.Single(s => s.Id == "A"));
    }

    [Fact]
    public void A_one_time_buyer_has_no_repeats_and_no_monetary_value()
    {
        var summaries = new CustomerSummaryBuilder(7, new DateOnly(2024, 1, 31)).Build(Purchases);

        // B: first purchase day 0 = 2024-01-10; T = floor(21/7) = 3.
        Assert.Equal(new CustomerSummary("B", 0, 0, 3, null), summaries.Single(s => s.Id == "B"));
    }

    [Fact]
    public void Unordered_purchases_give_frequency_recency_and_mean_repeat_value()
    {
        var summaries = new CustomerSummaryBuilder(7, new DateOnly(2024, 1, 31)).Build(Purchases);

        // D: weeks 0, 1 and 4 → two repeats, recency 4, T = 4, mean repeat value (10 + 30) / 2 = 20.
        Assert.Equal(new CustomerSummary("D", 2, 4, 4, 20), summaries.Single(s => s.Id == "D"));
        Assert.DoesNotContain(summaries, s => s.Id == "C");
        Assert.Equal(["A", "B", "D"], summaries.Select(s => s.Id));
    }

    [Fact]
    public void Daily_periods_count_each_purchase_day()
    {
        var summaries = new CustomerSummaryBuilder(1, new DateOnly(2024, 1, 31)).Build(Purchases);

        // A in days: 0, 2, 14, 15 → three repeats, recency 15, T 30, mean repeat value (5 + 20 + 4) / 3.
        Assert.Equal(new CustomerSummary("A", 3, 15, 30, 29.0 / 3), summaries.Single(s => s.Id == "A"));
    }
}

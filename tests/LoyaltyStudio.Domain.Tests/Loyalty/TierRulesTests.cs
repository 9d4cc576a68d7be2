using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Domain.Tests.Loyalty;

public class TierRulesTests
{
    private static readonly DateTime AsOf = new(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("-10", "BRONZE")]
    [InlineData("0", "BRONZE")]
    [InlineData("249.99", "BRONZE")]
    [InlineData("250", "SILVER")]
    [InlineData("749.99", "SILVER")]
    [InlineData("750", "GOLD")]
    [InlineData("1999.99", "GOLD")]
    [InlineData("2000", "PLATINUM")]
    [InlineData("1000000", "PLATINUM")]
    public void Qualifying_spend_maps_to_the_highest_tier_it_meets(string spend, string expectedTier)
    {
        var tier = TierRules.Standard.TierFor(decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expectedTier, tier.Code);
    }

    [Theory]
    [InlineData("0", "SILVER", "250")]
    [InlineData("249.99", "SILVER", "0.01")]
    [InlineData("250", "GOLD", "500")]
    [InlineData("1999.99", "PLATINUM", "0.01")]
    public void Next_tier_names_the_tier_above_and_the_spend_still_needed(string spend, string nextCode, string needed)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        var next = TierRules.Standard.NextTier(decimal.Parse(spend, inv));

        Assert.NotNull(next);
        Assert.Equal(nextCode, next.Value.Next.Code);
        Assert.Equal(decimal.Parse(needed, inv), next.Value.SpendNeeded);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(5000)]
    public void Top_tier_has_no_next_tier(int spend) => Assert.Null(TierRules.Standard.NextTier(spend));

    [Fact]
    public void Standard_ladder_is_ordered_by_rank_with_rising_spend_and_rate()
    {
        var tiers = TierRules.Standard.Tiers;

        Assert.Equal(["BRONZE", "SILVER", "GOLD", "PLATINUM"], tiers.Select(t => t.Code));
        Assert.Equal(Tier.DefaultCode, tiers[0].Code);
        Assert.Equal([0m, 250m, 750m, 2000m], tiers.Select(t => t.QualifyingSpend));
        Assert.True(tiers.Zip(tiers.Skip(1)).All(p => p.Second.PointsPerCurrencyUnit > p.First.PointsPerCurrencyUnit));
    }

    [Fact]
    public void Tiers_are_ordered_by_rank_whatever_order_they_are_given_in()
    {
        var rules = new TierRules([new Tier("TOP", "Top", 2, 500m, 2m), new Tier("BASE", "Base", 0, 0m, 1m), new Tier("MID", "Mid", 1, 100m, 1m)]);

        Assert.Equal(["BASE", "MID", "TOP"], rules.Tiers.Select(t => t.Code));
    }

    [Fact]
    public void A_programme_without_tiers_is_refused() =>
        Assert.Contains("at least one tier", Assert.Throws<DomainException>(() => new TierRules([])).Message);

    [Fact]
    public void Entry_tier_that_needs_spend_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new TierRules([new Tier("BASE", "Base", 0, 10m, 1m)]));

        Assert.Contains("BASE", ex.Message);
    }

    [Fact]
    public void Two_tiers_with_the_same_rank_are_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new TierRules([new Tier("A", "A", 0, 0m, 1m), new Tier("B", "B", 1, 10m, 1m), new Tier("C", "C", 1, 20m, 1m)]));

        Assert.Contains("share rank 1", ex.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50)]
    public void Higher_tier_that_does_not_need_more_spend_is_refused(int upperSpend)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new TierRules([new Tier("A", "A", 0, 0m, 1m), new Tier("B", "B", 1, 100m, 1m), new Tier("C", "C", 2, upperSpend, 1m)]));

        Assert.Contains("C must need more qualifying spend than B", ex.Message);
    }

    [Fact]
    public void Tier_is_found_by_code()
    {
        Assert.Equal("Gold", TierRules.Standard.ByCode("GOLD").Name);
    }

    [Fact]
    public void Unknown_tier_code_is_refused_with_the_code_in_the_message() =>
        Assert.Contains("'DIAMOND'", Assert.Throws<DomainException>(() => TierRules.Standard.ByCode("DIAMOND")).Message);

    [Fact]
    public void Qualifying_window_is_365_days() => Assert.Equal(TimeSpan.FromDays(365), TierRules.QualifyingWindow);

    [Fact]
    public void Qualifying_spend_counts_orders_within_the_365_days_up_to_the_date()
    {
        Order[] orders =
        [
            OrderOf(100m, AsOf.AddDays(-365)),              // exactly a year ago: outside the window
            OrderOf(200m, AsOf.AddDays(-365).AddSeconds(1)), // just inside
            OrderOf(50m, AsOf),                              // the day itself counts
            OrderOf(400m, AsOf.AddSeconds(1)),               // after the date: not yet
            OrderOf(-30m, AsOf.AddDays(-10)),                // a return lowers the spend
        ];

        Assert.Equal(220m, TierRules.QualifyingSpend(orders, AsOf));
    }

    [Fact]
    public void Spend_from_more_than_a_year_ago_no_longer_holds_a_tier()
    {
        Order[] orders = [OrderOf(300m, AsOf.AddDays(-200))];

        Assert.Equal("SILVER", TierRules.Standard.TierFor(TierRules.QualifyingSpend(orders, AsOf)).Code);
        Assert.Equal("BRONZE", TierRules.Standard.TierFor(TierRules.QualifyingSpend(orders, AsOf.AddDays(200))).Code);
    }

    private static Order OrderOf(decimal total, DateTime at)
    {
        var order = new Order($"O-{at.Ticks}-{total}", 1, at, SalesChannel.Online);
        order.AddLine(1, total < 0 ? -1 : 1, Math.Abs(total));
        return order;
    }
}

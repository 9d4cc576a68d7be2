using LoyaltyStudio.Intelligence.Offers;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

public sealed class OfferCandidateTests(HandBuiltOfferCustomers customers) : IClassFixture<HandBuiltOfferCustomers>
{
    private Task<NextBestOffers> ProposeAsync(IReadOnlyDictionary<long, double>? churn = null) =>
        new NextBestOfferEngine(customers.Shop.Database.Factory).ProposeAsync(Cutoff, churn);

    private static IEnumerable<long> HoldersOf(NextBestOffers offers, OfferCandidateKind kind) =>
        offers.ByCustomer.Where(c => c.Value.Any(o => o.Kind == kind)).Select(c => c.Key).Order();

    [Fact]
    public async Task Favourite_category_is_the_largest_recency_weighted_share_of_spend()
    {
        var offers = await ProposeAsync();

        var fan = Assert.Single(offers.For(customers.Fan.Id), o => o.Kind == OfferCandidateKind.FavouriteCategory);
        Assert.Equal("10 % off Coffee", fan.Title);
        Assert.Equal("Coffee is 100 % of recent spend (weighted to the last 90 days)", fan.Reason);
        Assert.Equal(customers.Shop.Coffee.CategoryId, fan.CategoryId);

        // Shifter, weights 0.5^(age/90) at the middle of each age band: coffee 20·(w317.5 + w225 + w135) + 10·w45
        // = 20·(0.08664 + 0.17678 + 0.35355) + 10·0.70711 = 19.410; tea 16·w15 = 16·0.89090 = 14.254; coffee share 0.5766.
        // Unweighted, tea would be 16 of 86.00 and coffee 70 of 86.00; weighted or not, coffee leads, but by this much only with weights.
        var shifter = Assert.Single(offers.For(customers.Shifter.Id), o => o.Kind == OfferCandidateKind.FavouriteCategory);
        Assert.Equal("10 % off Coffee", shifter.Title);
        Assert.Equal(0.5766, shifter.Signal, 0.0005);
        Assert.StartsWith("Coffee is 58 % of recent spend", shifter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_viewed_and_not_bought_are_offered_to_the_browser_only()
    {
        var offers = await ProposeAsync();

        Assert.Equal([customers.Browser.Id], HoldersOf(offers, OfferCandidateKind.ViewedNotBought));
        // Croissant: the views of days 12, 10 and 5 count; day 31 is outside the window, the cut-off and later are unseen.
        // Tea was viewed twice but bought in the window; coffee was viewed once only.
        var viewed = Assert.Single(offers.For(customers.Browser.Id), o => o.Kind == OfferCandidateKind.ViewedNotBought);
        Assert.Equal(customers.Shop.Bakery.Id, viewed.ProductId);
        Assert.Equal(3, viewed.Signal);
        Assert.Equal("15 % off Croissant", viewed.Title);
        Assert.Equal("Still thinking about Croissant: viewed 3 times in the last 30 days, not bought", viewed.Reason);
    }

    [Fact]
    public async Task A_rising_category_is_offered_to_the_customer_whose_share_of_spend_rose()
    {
        var offers = await ProposeAsync();

        Assert.Equal([customers.Shifter.Id], HoldersOf(offers, OfferCandidateKind.RisingCategory));
        var rising = Assert.Single(offers.For(customers.Shifter.Id), o => o.Kind == OfferCandidateKind.RisingCategory);
        Assert.Equal(customers.Shop.Tea.CategoryId, rising.CategoryId);
        Assert.Equal("10 % off Tea", rising.Title);
        Assert.Equal("Tea is rising: 62 % of spend in the last 90 days, 0 % in the 275 days before", rising.Reason);
        Assert.Equal(16.0 / 26.0, rising.Signal, 1e-9);
    }

    [Fact]
    public async Task Tier_progress_goes_to_the_customer_within_reach_of_the_next_tier()
    {
        var offers = await ProposeAsync();

        // NearGold: 700.00 in the 365 days before the cut-off (the 500.00 of day 400 and the 100.00 at the cut-off do not
        // count), Silver; Gold needs 750.00, so 50.00 more, within 3 average orders of 100.00. The fan (80.00) needs 170.00
        // for Silver, more than 3 × 20.00.
        Assert.Equal([customers.NearGold.Id], HoldersOf(offers, OfferCandidateKind.TierProgress));
        var tier = Assert.Single(offers.For(customers.NearGold.Id), o => o.Kind == OfferCandidateKind.TierProgress);
        Assert.Equal("Double points towards Gold", tier.Title);
        Assert.Equal("50.00 of spend from Gold: 700.00 of the 750.00 needed in 365 days", tier.Reason);
        Assert.Equal(50, tier.Signal);
    }

    [Fact]
    public async Task Win_back_goes_to_customers_without_a_purchase_for_the_lapse_period_when_no_churn_scores_are_given()
    {
        var offers = await ProposeAsync();

        Assert.Equal([customers.Lapsed.Id], HoldersOf(offers, OfferCandidateKind.WinBack));
        var winBack = Assert.Single(offers.For(customers.Lapsed.Id), o => o.Kind == OfferCandidateKind.WinBack);
        Assert.Equal("20 % off your next basket", winBack.Title);
        Assert.Equal("Win-back: no purchase for 100 days", winBack.Reason);
    }

    [Fact]
    public async Task Win_back_follows_the_churn_probability_when_it_is_given()
    {
        // The fan is at high risk according to the model; the lapsed customer is not. Customers missing from the map get none.
        var offers = await ProposeAsync(new Dictionary<long, double> { [customers.Fan.Id] = 0.82, [customers.Lapsed.Id] = 0.3 });

        Assert.Equal([customers.Fan.Id], HoldersOf(offers, OfferCandidateKind.WinBack));
        var winBack = Assert.Single(offers.For(customers.Fan.Id), o => o.Kind == OfferCandidateKind.WinBack);
        Assert.Equal("Win-back: no purchase for 10 days, churn risk 82 %", winBack.Reason);
    }

    [Fact]
    public async Task A_churn_probability_outside_zero_to_one_is_refused_with_the_customer_named()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            ProposeAsync(new Dictionary<long, double> { [customers.Fan.Id] = double.NaN }));

        Assert.Contains($"Customer {customers.Fan.Id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_without_marketing_consent_get_candidates_flagged_not_contactable()
    {
        var offers = await ProposeAsync();

        Assert.NotEmpty(offers.For(customers.Silent.Id));
        Assert.All(offers.For(customers.Silent.Id), o => Assert.False(o.Contactable));
        Assert.All(offers.For(customers.Fan.Id), o => Assert.True(o.Contactable));
    }

    [Fact]
    public async Task Nothing_at_or_after_the_cutoff_is_read()
    {
        var offers = await ProposeAsync();

        // Future only bought at the cut-off; the viewer never bought. Everyone else bought before it.
        Assert.Equal(
            new[] { customers.Fan, customers.Shifter, customers.Browser, customers.NearGold, customers.Lapsed, customers.Silent }
                .Select(c => c.Id).Order(),
            offers.ByCustomer.Keys.Order());
        // NearGold's order at the cut-off would have made them Gold (no tier offer, no "towards Gold").
        Assert.Contains(offers.For(customers.NearGold.Id), o => o.Title == "Double points towards Gold");
    }

    [Fact]
    public async Task Candidates_are_ranked_by_expected_value_worked_out_by_hand()
    {
        var offers = await ProposeAsync();

        // No campaigns: uplift 0.02 and redemption 0.10 for every kind. Margin = 30 % of the mean order of the last year.
        // NearGold, mean order 100.00, margin 30.00:
        //   tier: 1 × 100 × 1.25 points (Silver) = 125 points × 0.01 = 1.25; cost 0.10 × 1.25 = 0.125 → 0.13; EV 0.02 × 30 − 0.13 = 0.47
        //   favourite coffee (share 1): discount 10 % × 1 × 100 = 10.00; cost 1.00; EV 0.60 − 1.00 = −0.40
        AssertRanking(offers.For(customers.NearGold.Id), (OfferCandidateKind.TierProgress, 0.47m, 0.13m), (OfferCandidateKind.FavouriteCategory, -0.40m, 1.00m));
        // Browser, mean order (10 + 8) / 2 = 9.00, margin 2.70, 0.02 × 2.70 = 0.054:
        //   favourite coffee, share 10/18 (both orders in the youngest band): discount 10 % × 10/18 × 9 = 0.50; cost 0.05; EV 0.004 → 0.00
        //   croissant: discount 15 % × 5.00 = 0.75; cost 0.075 → 0.08; EV 0.054 − 0.08 = −0.026 → −0.03
        AssertRanking(offers.For(customers.Browser.Id), (OfferCandidateKind.FavouriteCategory, 0.00m, 0.05m), (OfferCandidateKind.ViewedNotBought, -0.03m, 0.08m));
        // Lapsed, mean order 10.00, margin 3.00, 0.02 × 3 = 0.06:
        //   favourite: discount 1.00, cost 0.10, EV −0.04; win-back: discount 20 % × 10 = 2.00, cost 0.20, EV −0.14
        AssertRanking(offers.For(customers.Lapsed.Id), (OfferCandidateKind.FavouriteCategory, -0.04m, 0.10m), (OfferCandidateKind.WinBack, -0.14m, 0.20m));
    }

    [Fact]
    public async Task The_json_form_carries_kind_title_reason_value_cost_ids_and_contactability()
    {
        var offers = await ProposeAsync();

        var json = offers.JsonFor(customers.NearGold.Id);
        var entries = NextBestOfferJson.Parse(json);

        Assert.Contains("\"kind\":\"tierProgress\"", json, StringComparison.Ordinal);
        Assert.Equal(offers.For(customers.NearGold.Id).Select(o => (o.Kind, o.Title, o.Reason, o.ExpectedValue, o.Cost, o.CategoryId, o.ProductId, o.Contactable)),
            entries.Select(e => (e.Kind, e.Title, e.Reason, e.ExpectedValue, e.Cost, e.CategoryId, e.ProductId, e.Contactable)));
        Assert.DoesNotContain("productId", json, StringComparison.Ordinal);
        Assert.Equal("[]", offers.JsonFor(customers.ViewerOnly.Id));
    }

    private static void AssertRanking(IReadOnlyList<OfferCandidate> actual, params (OfferCandidateKind Kind, decimal Value, decimal Cost)[] expected) =>
        Assert.Equal(expected, actual.Select(o => (o.Kind, o.ExpectedValue, o.Cost)));
}

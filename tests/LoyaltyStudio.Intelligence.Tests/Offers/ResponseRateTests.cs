using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Intelligence.Offers;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

public sealed class ResponseRateTests(HandBuiltOfferCustomers noHistory)
    : IClassFixture<HandBuiltOfferCustomers>, IAsyncLifetime
{
    private static readonly NextBestOfferOptions WeakPrior = new() { PriorStrength = 10 };

    private OfferTestShop _shop = null!;

    /// <summary>
    /// One completed campaign, offer window days 100–86 before the cut-off. Audience: ten treated, ten held out. Everyone bought
    /// once before it: "active" members 50 days before its start (day 150), "lapsed" members 100 days before (day 200, so they
    /// qualify for win-back at its start). Treated: t1–t6 active, t7–t10 lapsed; t1–t5 and t7 bought in the window,
    /// t1, t2, t3 and t7 redeemed. Held out: h1–h6 active, h7–h10 lapsed; h1–h3 bought in the window.
    /// A second campaign whose window runs past the cut-off (days 5 to −9), full of buyers, must not count.
    /// </summary>
    public async Task InitializeAsync()
    {
        var shop = _shop = await OfferTestShop.CreateAsync();
        var campaign = await shop.AddCompletedCampaignAsync("Spring", startDaysBefore: 100);
        var treated = new List<Customer>();
        var heldOut = new List<Customer>();
        for (var i = 1; i <= 10; i++)
        {
            var t = await shop.AddCustomerAsync($"t{i}");
            var h = await shop.AddCustomerAsync($"h{i}");
            await shop.AddOrderAsync(t, i <= 6 ? 150 : 200, shop.Coffee);
            await shop.AddOrderAsync(h, i <= 6 ? 150 : 200, shop.Coffee);
            treated.Add(t);
            heldOut.Add(h);
        }
        for (var i = 1; i <= 10; i++)
        {
            var t = treated[i - 1];
            var order = i is <= 5 or 7 ? await shop.AddOrderAsync(t, 95, shop.Coffee) : null;
            await shop.TreatAsync(campaign, t, redeemedWith: i is <= 3 or 7 ? order : null);
            var h = heldOut[i - 1];
            if (i <= 3)
                await shop.AddOrderAsync(h, 95, shop.Coffee);
            await shop.HoldOutAsync(campaign, h);
        }

        var late = await shop.AddCompletedCampaignAsync("Summer", startDaysBefore: 5);
        foreach (var t in treated.Skip(5))
            await shop.TreatAsync(late, t, redeemedWith: await shop.AddOrderAsync(t, 3, shop.Coffee));
        foreach (var h in heldOut.Take(2))
            await shop.HoldOutAsync(late, h);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Without_campaign_history_every_kind_gets_the_documented_defaults()
    {
        var rates = await new NextBestOfferEngine(noHistory.Shop.Database.Factory).EstimateResponseRatesAsync(Cutoff);

        Assert.Equal(0, rates.Campaigns);
        foreach (var kind in Enum.GetValues<OfferCandidateKind>())
        {
            Assert.Equal(0.02, rates.For(kind).Uplift, 1e-12);
            Assert.Equal(0.10, rates.For(kind).RedemptionRate, 1e-12);
        }
    }

    [Fact]
    public async Task Campaign_history_gives_uplift_against_the_holdout_shrunk_towards_the_pool_worked_out_by_hand()
    {
        var rates = await new NextBestOfferEngine(_shop.Database.Factory, WeakPrior).EstimateResponseRatesAsync(Cutoff);

        Assert.Equal(1, rates.Campaigns); // the campaign running past the cut-off is not read
        // Pool: treated 6/10 bought, held out 3/10: uplift 0.3 on an effective size 10·10/20 = 5, shrunk towards the default
        // 0.02 with m = 10: (5·0.3 + 10·0.02) / 15 = 0.113333. Redemption (4 + 10·0.10) / (10 + 10) = 0.25.
        Assert.Equal(new ResponseEvidence(10, 6, 4, 10, 3), rates.Pooled.Evidence);
        Assert.Equal(1.7 / 15, rates.Pooled.Uplift, 1e-9);
        Assert.Equal(0.25, rates.Pooled.RedemptionRate, 1e-9);
        // Everyone had a favourite category at the start, so that kind has the pool's evidence, shrunk towards the pool:
        // (5·0.3 + 10·0.113333) / 15 = 0.175556; redemption (4 + 10·0.25) / 20 = 0.325.
        var favourite = rates.For(OfferCandidateKind.FavouriteCategory);
        Assert.Equal(new ResponseEvidence(10, 6, 4, 10, 3), favourite.Evidence);
        Assert.Equal((1.5 + (10 * 1.7 / 15)) / 15, favourite.Uplift, 1e-9);
        Assert.Equal(0.325, favourite.RedemptionRate, 1e-9);
        // Win-back: the lapsed members only, treated 1/4 bought (and redeemed), held out 0/4: uplift 0.25 on an effective
        // size 4·4/8 = 2: (2·0.25 + 10·0.113333) / 12 = 0.136111; redemption (1 + 10·0.25) / (4 + 10) = 0.25.
        var winBack = rates.For(OfferCandidateKind.WinBack);
        Assert.Equal(new ResponseEvidence(4, 1, 1, 4, 0), winBack.Evidence);
        Assert.Equal((0.5 + (10 * 1.7 / 15)) / 12, winBack.Uplift, 1e-9);
        Assert.Equal(0.25, winBack.RedemptionRate, 1e-9);
        // No one had viewed products: that kind has no evidence of its own and gets the pool.
        Assert.Equal(rates.Pooled.Uplift, rates.For(OfferCandidateKind.ViewedNotBought).Uplift, 1e-12);
    }

    [Fact]
    public void A_large_group_keeps_its_measured_uplift_and_a_small_one_moves_to_the_pool()
    {
        var options = new NextBestOfferOptions { PriorStrength = 200 };
        var pool = new ResponseEvidence(200_000, 60_000, 50_000, 200_000, 40_000); // 30 % against 20 %: uplift 0.10
        var rates = OfferResponseRates.Estimate(pool, new Dictionary<OfferCandidateKind, ResponseEvidence>
        {
            [OfferCandidateKind.TierProgress] = new(100_000, 40_000, 30_000, 100_000, 20_000), // uplift 0.20, n = 50,000
            [OfferCandidateKind.WinBack] = new(20, 10, 8, 20, 0), // uplift 0.50, n = 10
        }, campaigns: 3, options);

        // Pool: n = 100,000: (100,000·0.1 + 200·0.02) / 100,200 = 0.099840.
        Assert.Equal(((100_000 * 0.1) + (200 * 0.02)) / 100_200, rates.Pooled.Uplift, 1e-9);
        // Large group: (50,000·0.2 + 200·0.099840) / 50,200 = 0.199601, close to its own 0.20.
        Assert.Equal(((50_000 * 0.2) + (200 * rates.Pooled.Uplift)) / 50_200, rates.For(OfferCandidateKind.TierProgress).Uplift, 1e-9);
        // Small group: (10·0.5 + 200·0.099840) / 210 = 0.118895, close to the pool, far from its own 0.50.
        Assert.Equal(((10 * 0.5) + (200 * rates.Pooled.Uplift)) / 210, rates.For(OfferCandidateKind.WinBack).Uplift, 1e-9);
        // Redemption of the small group: (8 + 200·0.25) / 220.
        Assert.Equal((8 + (200 * (50_000 + (200 * 0.1)) / 200_200)) / 220, rates.For(OfferCandidateKind.WinBack).RedemptionRate, 1e-9);
    }
}

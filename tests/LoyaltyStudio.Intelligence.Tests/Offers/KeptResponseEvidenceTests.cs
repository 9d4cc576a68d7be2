using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Intelligence.Offers;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

/// <summary>
/// A completed campaign's response counts are taken once and kept; later estimates read them back unless the offer
/// settings, the reference tables or the campaign's own rows changed since.
/// </summary>
public sealed class KeptResponseEvidenceTests : IAsyncLifetime
{
    private static readonly NextBestOfferOptions Options = new() { PriorStrength = 10 };

    private OfferTestShop _shop = null!;
    private Campaign _campaign = null!;
    private Customer _quietHeldOut = null!;

    /// <summary>
    /// One completed campaign (window days 100–86 before the cut-off): four treated, four held out, all bought on day 150.
    /// Treated t1–t3 bought in the window and t1 redeemed; held out h1 bought in the window.
    /// </summary>
    public async Task InitializeAsync()
    {
        var shop = _shop = await OfferTestShop.CreateAsync();
        _campaign = await shop.AddCompletedCampaignAsync("Spring", startDaysBefore: 100);
        for (var i = 1; i <= 4; i++)
        {
            var t = await shop.AddCustomerAsync($"t{i}");
            var h = await shop.AddCustomerAsync($"h{i}");
            await shop.AddOrderAsync(t, 150, shop.Coffee);
            await shop.AddOrderAsync(h, 150, shop.Coffee);
            var order = i <= 3 ? await shop.AddOrderAsync(t, 95, shop.Coffee) : null;
            await shop.TreatAsync(_campaign, t, redeemedWith: i == 1 ? order : null);
            if (i == 1)
                await shop.AddOrderAsync(h, 95, shop.Coffee);
            await shop.HoldOutAsync(_campaign, h);
            if (i == 4)
                _quietHeldOut = h;
        }
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<OfferResponseRates> EstimateAsync(NextBestOfferOptions? options = null) =>
        new NextBestOfferEngine(_shop.Database.Factory, options ?? Options).EstimateResponseRatesAsync(Cutoff);

    private async Task<List<CampaignResponseEvidence>> KeptAsync()
    {
        await using var db = _shop.Database.Factory.CreateDbContext();
        return await db.CampaignResponseEvidence.AsNoTracking().Where(e => e.CampaignId == _campaign.Id).OrderBy(e => e.Group).ToListAsync();
    }

    /// <summary>Overwrites the kept whole-audience row's treated buyers, leaving its basis as it was.</summary>
    private async Task TamperAsync(int treatedBuyers)
    {
        await using var db = _shop.Database.Factory.CreateDbContext();
        var changed = await db.CampaignResponseEvidence.Where(e => e.CampaignId == _campaign.Id && e.Group == "all")
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.TreatedBuyers, treatedBuyers));
        Assert.Equal(1, changed);
    }

    [Fact]
    public async Task The_first_estimate_keeps_the_campaigns_counts_per_group()
    {
        var rates = await EstimateAsync();

        Assert.Equal(new ResponseEvidence(4, 3, 1, 4, 1), rates.Pooled.Evidence);
        var kept = await KeptAsync();
        var whole = Assert.Single(kept, e => e.Group == "all");
        Assert.Equal((4, 3, 1, 4, 1), (whole.Treated, whole.TreatedBuyers, whole.Redeemed, whole.Holdout, whole.HoldoutBuyers));
        // Everyone had a favourite category at the start: that group is the whole audience.
        var favourite = Assert.Single(kept, e => e.Group == nameof(OfferCandidateKind.FavouriteCategory));
        Assert.Equal((4, 3, 1, 4, 1), (favourite.Treated, favourite.TreatedBuyers, favourite.Redeemed, favourite.Holdout, favourite.HoldoutBuyers));
        // Nobody had lapsed 60 days at the start (last orders 50 days before it): no win-back group is kept.
        Assert.DoesNotContain(kept, e => e.Group == nameof(OfferCandidateKind.WinBack));
        Assert.All(kept, e => Assert.Equal(whole.Basis, e.Basis));
        Assert.StartsWith("rules:", whole.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_estimate_reads_the_kept_counts_instead_of_counting_again()
    {
        await EstimateAsync();
        await TamperAsync(treatedBuyers: 2);

        var rates = await EstimateAsync();

        // Only the kept row says 2: the orders say 3.
        Assert.Equal(new ResponseEvidence(4, 2, 1, 4, 1), rates.Pooled.Evidence);
    }

    [Fact]
    public async Task A_late_import_of_an_order_in_the_window_makes_the_campaign_count_again()
    {
        await EstimateAsync();
        await TamperAsync(treatedBuyers: 2);

        await _shop.AddOrderAsync(_quietHeldOut, 90, _shop.Coffee); // h4 turns out to have bought in the window too

        var rates = await EstimateAsync();
        Assert.Equal(new ResponseEvidence(4, 3, 1, 4, 2), rates.Pooled.Evidence);
        var whole = Assert.Single(await KeptAsync(), e => e.Group == "all");
        Assert.Equal(2, whole.HoldoutBuyers);
        Assert.Equal(3, whole.TreatedBuyers);
    }

    [Fact]
    public async Task Changed_offer_settings_make_the_campaign_count_again()
    {
        await EstimateAsync();
        await TamperAsync(treatedBuyers: 2);

        // With a 1-day lapse everyone (last order before the start on day 150, the start on day 100) qualifies for win-back.
        var rates = await EstimateAsync(new NextBestOfferOptions { PriorStrength = 10, WinBackLapseDays = 1 });

        Assert.Equal(new ResponseEvidence(4, 3, 1, 4, 1), rates.Pooled.Evidence);
        Assert.Equal(new ResponseEvidence(4, 3, 1, 4, 1), rates.For(OfferCandidateKind.WinBack).Evidence);
        Assert.Contains(await KeptAsync(), e => e.Group == nameof(OfferCandidateKind.WinBack));
    }

    [Fact]
    public async Task Deleting_a_campaign_deletes_its_kept_counts()
    {
        await EstimateAsync();
        Assert.NotEmpty(await KeptAsync());

        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            await db.HoldoutAssignments.Where(h => h.CampaignId == _campaign.Id).ExecuteDeleteAsync();
            await db.Offers.Where(o => o.CampaignId == _campaign.Id).ExecuteDeleteAsync();
            await db.Campaigns.Where(c => c.Id == _campaign.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(await KeptAsync());
    }
}

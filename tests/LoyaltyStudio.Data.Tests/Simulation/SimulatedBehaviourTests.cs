using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoyaltyStudio.Data.Tests.Simulation;

/// <summary>Preference shifts, fading engagement, checkout drop-out and campaign effects are visible in the generated rows.</summary>
public sealed class SimulatedBehaviourTests(SimulatedPopulation population, ITestOutputHelper output) : IClassFixture<SimulatedPopulation>
{
    [Fact]
    public async Task Shifters_buy_far_less_of_their_old_favourite_after_the_recorded_shift_and_others_do_not_change()
    {
        await using var context = population.Db.Context();
        var truths = await context.CustomerTruths.AsNoTracking().ToDictionaryAsync(t => t.CustomerId);
        var signups = await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.SignupDate);
        var lines = await context.OrderLines.AsNoTracking()
            .Join(context.Orders, l => l.OrderId, o => o.Id, (l, o) => new { o.CustomerId, o.OrderedAt, l.ProductId })
            .Join(context.Products, x => x.ProductId, p => p.Id, (x, p) => new { x.CustomerId, x.OrderedAt, p.CategoryId })
            .ToListAsync();

        var shifters = new ShareCounter();
        var others = new ShareCounter();
        foreach (var customer in lines.GroupBy(l => l.CustomerId))
        {
            var truth = truths[customer.Key];
            if (truth.PreferenceShiftAt is { } shift)
            {
                foreach (var line in customer)
                    shifters.Add(line.OrderedAt >= shift, line.CategoryId == truth.ShiftFromCategoryId);
                continue;
            }
            // Non-shifters: their overall favourite category, before and after the middle of their history.
            var favourite = customer.GroupBy(l => l.CategoryId).MaxBy(g => g.Count())!.Key;
            var middle = signups[customer.Key] + ((population.End - signups[customer.Key]) / 2);
            foreach (var line in customer)
                others.Add(line.OrderedAt >= middle, line.CategoryId == favourite);
        }

        output.WriteLine($"shifters: old favourite {shifters.Before:P1} of lines before, {shifters.After:P1} after; " +
            $"others: favourite {others.Before:P1} before, {others.After:P1} after");
        Assert.True(truths.Values.Count(t => t.PreferenceShiftAt is not null) > 200, "about 10 % of customers should shift");
        Assert.True(shifters.Before - shifters.After > 0.25, "shifters should turn away from their old favourite");
        Assert.InRange(others.Before - others.After, -0.05, 0.05);
    }

    [Fact]
    public async Task App_opens_fade_in_the_four_weeks_before_a_customer_becomes_inactive()
    {
        await using var context = population.Db.Context();
        var truths = await context.CustomerTruths.AsNoTracking().Where(t => t.BecameInactiveAt != null)
            .ToDictionaryAsync(t => t.CustomerId, t => t.BecameInactiveAt!.Value);
        var signups = await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.SignupDate);
        var opens = await context.InteractionEvents.AsNoTracking().Where(e => e.Type == InteractionType.AppOpen)
            .Select(e => new { e.CustomerId, e.OccurredAt }).ToListAsync();

        // Customers with at least 20 weeks between signup and inactivity: last 4 weeks vs weeks 20 to 8 before it.
        double lastOpens = 0, earlierOpens = 0, customers = 0;
        var byCustomer = opens.ToLookup(o => o.CustomerId, o => o.OccurredAt);
        foreach (var (id, inactive) in truths)
        {
            if (inactive - signups[id] < TimeSpan.FromDays(140))
                continue;
            customers++;
            lastOpens += byCustomer[id].Count(at => at > inactive.AddDays(-28) && at <= inactive);
            earlierOpens += byCustomer[id].Count(at => at > inactive.AddDays(-140) && at <= inactive.AddDays(-56));
        }
        var lastRate = lastOpens / (customers * 28);
        var earlierRate = earlierOpens / (customers * 84);

        output.WriteLine($"{customers} customers: {earlierRate:0.0000} app opens a day earlier, {lastRate:0.0000} in the last 4 weeks");
        Assert.True(customers > 200);
        Assert.True(lastRate < 0.7 * earlierRate, $"app opens should fade: {lastRate:0.0000} vs {earlierRate:0.0000} a day");
    }

    [Fact]
    public async Task Abandoned_checkouts_mostly_stop_at_the_configured_step()
    {
        await using var context = population.Db.Context();
        var steps = await context.InteractionEvents.AsNoTracking().Where(e => e.Type == InteractionType.CheckoutStep)
            .GroupBy(e => e.CheckoutStep).Select(g => new { Step = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Step, g => g.Count);

        // Every checkout reaches step 1; the ones that stop at step k are those reaching k but not k + 1.
        var stoppedAt = Enumerable.Range(1, 3).ToDictionary(k => k, k => steps[k] - steps[k + 1]);
        var configured = SimulatedPopulation.Request.Parameters!.CheckoutDropOutStep;

        output.WriteLine(string.Join(", ", stoppedAt.Select(s => $"stopped at {s.Key}: {s.Value}")));
        Assert.Equal(configured, stoppedAt.MaxBy(s => s.Value).Key);
        Assert.All(stoppedAt.Values, v => Assert.True(v > 0));
    }

    [Fact]
    public async Task Treated_persuadables_buy_more_in_the_offer_window_than_held_out_ones_and_sure_things_do_not()
    {
        var groups = await WindowPurchasesAsync();
        foreach (var g in groups.OrderBy(g => g.Key))
            output.WriteLine($"{g.Key}: treated {g.Value.Treated.Rate:P1} of {g.Value.Treated.N}, holdout {g.Value.Holdout.Rate:P1} of {g.Value.Holdout.N}");

        var persuadable = groups[OfferResponseType.Persuadable];
        var sureThing = groups[OfferResponseType.SureThing];
        var doNotDisturb = groups[OfferResponseType.DoNotDisturb];
        Assert.True(persuadable.Treated.N > 300 && persuadable.Holdout.N > 300, "too few persuadables in the campaigns");
        Assert.True(persuadable.Difference > 4 * persuadable.StandardError,
            $"persuadables: {persuadable.Difference:P1} more buy when treated (standard error {persuadable.StandardError:P1})");
        Assert.True(Math.Abs(sureThing.Difference) < 4 * sureThing.StandardError,
            $"sure things: {sureThing.Difference:P1} difference (standard error {sureThing.StandardError:P1})");
        Assert.True(doNotDisturb.Difference < 0, $"do-not-disturbs should buy less when treated, not {doNotDisturb.Difference:P1} more");
    }

    [Fact]
    public async Task Recorded_uplift_is_positive_for_persuadables_negative_for_do_not_disturbs_and_zero_otherwise()
    {
        await using var context = population.Db.Context();
        var truths = await context.CustomerTruths.AsNoTracking().Select(t => new { t.OfferResponse, t.OfferUplift }).ToListAsync();

        Assert.All(truths, t =>
        {
            switch (t.OfferResponse)
            {
                case OfferResponseType.Persuadable: Assert.InRange(t.OfferUplift, 1e-9, 0.6); break;
                case OfferResponseType.DoNotDisturb: Assert.InRange(t.OfferUplift, -1, -1e-12); break;
                default: Assert.Equal(0, t.OfferUplift); break;
            }
        });
        Assert.Equal(4, truths.Select(t => t.OfferResponse).Distinct().Count());
    }

    [Fact]
    public async Task Offers_go_to_treated_customers_only_and_redeemed_offers_link_to_an_order_in_their_window()
    {
        await using var context = population.Db.Context();
        var assignments = await context.HoldoutAssignments.AsNoTracking().ToListAsync();
        var offers = await context.Offers.AsNoTracking().ToListAsync();
        var campaigns = await context.Campaigns.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var redemptionIds = offers.Where(o => o.RedemptionOrderId != null).Select(o => o.RedemptionOrderId!.Value).ToList();
        var orders = await context.Orders.AsNoTracking().Where(o => redemptionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id);

        var treated = assignments.Where(a => !a.IsHoldout).Select(a => (a.CampaignId, a.CustomerId)).ToHashSet();
        Assert.True(campaigns.Count >= 3 && campaigns.Values.All(c => c.Status == Domain.Campaigns.CampaignStatus.Completed));
        Assert.Equal(treated.Count, offers.Count);
        Assert.All(offers, o => Assert.Contains((o.CampaignId!.Value, o.CustomerId), treated));
        Assert.All(offers, o => Assert.Contains(o.Status, new[] { OfferStatus.Redeemed, OfferStatus.Expired }));
        Assert.Contains(offers, o => o.Status == OfferStatus.Redeemed);
        Assert.All(offers.Where(o => o.Status == OfferStatus.Redeemed), o =>
        {
            var order = orders[o.RedemptionOrderId!.Value];
            var campaign = campaigns[o.CampaignId!.Value];
            Assert.Equal(o.CustomerId, order.CustomerId);
            Assert.InRange(order.OrderedAt, campaign.StartsAt!.Value, campaign.EndsAt!.Value);
            Assert.True(order.DiscountTotal > 0, "a redeemed offer gives its discount");
        });
        var holdoutShare = assignments.Count(a => a.IsHoldout) / (double)assignments.Count;
        Assert.InRange(holdoutShare, 0.45, 0.55);
    }

    private async Task<Dictionary<OfferResponseType, Comparison>> WindowPurchasesAsync()
    {
        await using var context = population.Db.Context();
        var campaigns = await context.Campaigns.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var responses = await context.CustomerTruths.AsNoTracking().ToDictionaryAsync(t => t.CustomerId, t => t.OfferResponse);
        var assignments = await context.HoldoutAssignments.AsNoTracking().ToListAsync();
        var orders = (await context.Orders.AsNoTracking().Select(o => new { o.CustomerId, o.OrderedAt }).ToListAsync())
            .ToLookup(o => o.CustomerId, o => o.OrderedAt);

        var groups = Enum.GetValues<OfferResponseType>().ToDictionary(t => t, _ => new Comparison());
        foreach (var a in assignments)
        {
            var c = campaigns[a.CampaignId];
            var bought = orders[a.CustomerId].Any(at => at >= c.StartsAt && at < c.EndsAt);
            var group = groups[responses[a.CustomerId]];
            (a.IsHoldout ? group.Holdout : group.Treated).Add(bought);
        }
        return groups;
    }

    private sealed class ShareCounter
    {
        private double _beforeHits, _beforeAll, _afterHits, _afterAll;

        public double Before => _beforeHits / _beforeAll;
        public double After => _afterHits / _afterAll;

        public void Add(bool after, bool hit)
        {
            if (after)
            {
                _afterAll++;
                _afterHits += hit ? 1 : 0;
            }
            else
            {
                _beforeAll++;
                _beforeHits += hit ? 1 : 0;
            }
        }
    }

    private sealed class Proportion
    {
        public int N { get; private set; }
        public int Hits { get; private set; }
        public double Rate => N == 0 ? 0 : Hits / (double)N;

        public void Add(bool hit)
        {
            N++;
            Hits += hit ? 1 : 0;
        }
    }

    private sealed class Comparison
    {
        public Proportion Treated { get; } = new();
        public Proportion Holdout { get; } = new();
        public double Difference => Treated.Rate - Holdout.Rate;

        public double StandardError => Math.Sqrt((Treated.Rate * (1 - Treated.Rate) / Math.Max(1, Treated.N))
            + (Holdout.Rate * (1 - Holdout.Rate) / Math.Max(1, Holdout.N)));
    }
}

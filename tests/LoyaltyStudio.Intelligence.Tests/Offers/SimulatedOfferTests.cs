using System.Text.RegularExpressions;
using LoyaltyStudio.Intelligence.Offers;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

[Collection(SimulatedLoyaltyDataGroup.Name)]
public sealed partial class SimulatedOfferTests(SimulatedLoyaltyData data, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_customer_with_purchases_gets_at_least_one_well_formed_candidate()
    {
        var offers = await new NextBestOfferEngine(data.Database.Factory).ProposeAsync(data.End);

        await using var context = data.Database.CreateContext();
        var buyers = await context.Orders.Where(o => o.OrderedAt < data.End).Select(o => o.CustomerId).Distinct().ToListAsync();
        Assert.Equal(buyers.Order(), offers.ByCustomer.Keys.Order());
        Assert.All(offers.ByCustomer.Values, list =>
        {
            Assert.InRange(list.Count, 1, 5);
            Assert.Equal(list.OrderByDescending(o => o.ExpectedValue).Select(o => o.ExpectedValue), list.Select(o => o.ExpectedValue));
            Assert.All(list, o =>
            {
                Assert.Matches(WellFormed(), o.Reason);
                Assert.DoesNotContain("NaN", o.Reason, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(o.Title));
                Assert.True(o.Cost >= 0);
            });
        });

        var kinds = offers.ByCustomer.Values.SelectMany(l => l).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{offers.ByCustomer.Count:N0} customers; candidates per kind: {string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value:N0}"))}");
        foreach (var (kind, rate) in offers.Rates.ByKind)
            output.WriteLine($"{kind}: uplift {rate.Uplift:P2}, redemption {rate.RedemptionRate:P2}, evidence {rate.Evidence}");
        Assert.Equal(Enum.GetValues<OfferCandidateKind>().Order(), kinds.Keys.Order());
    }

    [Fact]
    public async Task Contactability_follows_marketing_consent()
    {
        var offers = await new NextBestOfferEngine(data.Database.Factory).ProposeAsync(data.End);

        await using var context = data.Database.CreateContext();
        var contactable = await context.Customers.Where(c => c.Consent.Email || c.Consent.Sms || c.Consent.Push).Select(c => c.Id).ToListAsync();
        var expected = contactable.ToHashSet();
        Assert.All(offers.ByCustomer, c => Assert.All(c.Value, o => Assert.Equal(expected.Contains(c.Key), o.Contactable)));
        Assert.Contains(offers.ByCustomer.Values, l => !l[0].Contactable);
    }

    [Fact]
    public async Task The_measured_uplift_of_past_campaigns_matches_the_simulated_truth_within_sampling_error()
    {
        var rates = await new NextBestOfferEngine(data.Database.Factory).EstimateResponseRatesAsync(data.End);

        // The simulator records each customer's true uplift (increase of the chance to buy in an offer window when treated).
        // Averaged over the treated audience members, it is what the treated-vs-holdout difference estimates; a customer who
        // had already become inactive by the campaign's start buys nothing either way, so their true uplift there is 0.
        await using var context = data.Database.CreateContext();
        var truth = await (from h in context.HoldoutAssignments
                           join c in context.Campaigns on h.CampaignId equals c.Id
                           join t in context.CustomerTruths on h.CustomerId equals t.CustomerId
                           where !h.IsHoldout
                           select t.BecameInactiveAt == null || t.BecameInactiveAt > c.StartsAt ? t.OfferUplift : 0.0).AverageAsync();
        var e = rates.Pooled.Evidence;
        var measured = e.MeasuredUplift!.Value;
        var pt = (double)e.TreatedBuyers / e.Treated;
        var ph = (double)e.HoldoutBuyers / e.Holdout;
        var standardError = Math.Sqrt((pt * (1 - pt) / e.Treated) + (ph * (1 - ph) / e.Holdout));
        output.WriteLine($"{rates.Campaigns} campaigns, {e}: measured uplift {measured:P2} ± {standardError:P2}, truth {truth:P2}");

        // 3.5 standard errors: a correct estimate falls outside with probability about 5·10⁻⁴.
        Assert.True(rates.Campaigns > 0);
        Assert.InRange(measured - truth, -3.5 * standardError, 3.5 * standardError);
    }

    [GeneratedRegex(@"^\S.*\d.*[^\s.]$")]
    private static partial Regex WellFormed();
}

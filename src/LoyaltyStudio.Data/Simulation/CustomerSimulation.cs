using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Simulates one customer's whole history from a random generator seeded for that customer alone
/// (see README, "The simulator", for the model and its parameters):
/// <list type="bullet">
/// <item>Latent traits, recorded in <see cref="CustomerTruth"/>: purchase rate λ ~ Gamma(r, α) per day, drop-out
/// probability p ~ Beta(a, b), spend rate ν ~ Gamma(q, γ) (mean order p/ν), category preferences ~ Dirichlet, channel
/// mix ~ Dirichlet (mildly shifted by age band and region), an offer-response type, an optional preference shift.</item>
/// <item>Purchases follow BG/NBD exactly from the first purchase (the signup) to the end of the period: exponential
/// gaps at rate λ, and after each repeat purchase the customer leaves with probability p (times
/// <see cref="SimulationParameters.BadContactDropoutMultiplier"/> when a bad support contact followed that purchase).
/// Each order's gross value (before discounts) is a Gamma(p, ν) draw, filled with products so that its expected
/// value is exactly the draw (with <see cref="SimulationParameters.ExactSpend"/>: the value is the draw, to the cent).</item>
/// <item>Campaigns: treated persuadables may make one extra, offer-redeeming purchase in the window (flagged by the
/// offer's <c>RedemptionOrderId</c>, outside the BG/NBD process); treated do-not-disturbs skip some purchases in the
/// window; sure things redeem the offer on a purchase they make anyway; lost causes ignore it.</item>
/// </list>
/// </summary>
internal sealed partial class CustomerSimulation
{
    private static readonly SalesChannel[] Channels = [SalesChannel.Online, SalesChannel.App, SalesChannel.Store];
    private static readonly OfferResponseType[] ResponseTypes =
        [OfferResponseType.Persuadable, OfferResponseType.SureThing, OfferResponseType.LostCause, OfferResponseType.DoNotDisturb];

    private readonly DemoCatalogue _catalogue;
    private readonly EntityValues _values;
    private readonly DemoPeriod _period;
    private readonly int _seed;
    private readonly SimulationParameters _parameters;
    private readonly IReadOnlyList<PastCampaign> _campaigns;
    private readonly double[] _categoryConcentrations;
    private readonly int[] _shiftTargets;
    private readonly TierRules _tiers = TierRules.Standard;

    public CustomerSimulation(DemoCatalogue catalogue, EntityValues values, DemoPeriod period, int seed,
        SimulationParameters parameters, IReadOnlyList<PastCampaign> campaigns)
    {
        _catalogue = catalogue;
        _values = values;
        _period = period;
        _seed = seed;
        _parameters = parameters;
        _campaigns = campaigns;
        _categoryConcentrations = [.. catalogue.Categories.Select(c => DemoCatalogue.PreferenceConcentration(c.Code))];
        _shiftTargets = [.. catalogue.Categories.Select(c => catalogue.ShiftTargetOf(c.Code))];
    }

    public void Simulate(int index, long customerId, DemoBatch batch, DemoIds ids)
    {
        var random = new SeededRandom(SeededRandom.Mix(_seed, index));
        var customer = CreateCustomer(random, index, customerId, out var traits);
        batch.Customers.Add(customer);
        var s = new State(random, customer, traits, batch, ids);

        AssignCampaigns(s);
        var purchases = PurchaseTimeline(s);
        PlaceOrders(s, purchases);
        Browse(s);
        OpenApp(s);
        ReadNewsletters(s);
        SendOffers(s);

        customer.MoveToTier(_tiers.TierFor(s.QualifyingSpend(_period.End)));
        batch.Points.AddRange(s.Ledger.Entries);
        batch.Truths.Add(Truth(s));
    }

    private Customer CreateCustomer(SeededRandom r, int index, long customerId, out Traits traits)
    {
        var p = _parameters;
        var first = r.Pick(DemoPeople.FirstNames);
        var last = r.Pick(DemoPeople.LastNames);
        var email = $"{first}.{last}.{index + 1}@{r.Pick(DemoPeople.EmailDomains)}".ToLowerInvariant();
        var phone = r.Chance(0.9) ? $"+44 7{r.Next(100, 1000)} {r.Next(100_000, 1_000_000)}" : null;
        var ageBand = DemoPeople.AgeBands[r.Weighted(DemoPeople.AgeBandShares)];
        var region = DemoPeople.Regions[r.Weighted(DemoPeople.RegionShares)];

        // Everyone joins during the period with their first purchase, so the BG/NBD story is complete in the data.
        var signup = Second(_period.Start + ((_period.End - _period.Start) * r.NextDouble()));
        var channelMix = r.Dirichlet(DemoPeople.ChannelConcentrations(ageBand, region));
        var signupChannel = Channels[r.Weighted(channelMix)];

        traits = new Traits
        {
            PurchaseRate = r.GammaWithRate(p.R, p.Alpha),
            DropoutProbability = r.Beta(p.A, p.B),
            SpendRate = r.GammaWithRate(p.Q, p.Gamma),
            Preferences = r.Dirichlet(_categoryConcentrations),
            ChannelMix = channelMix,
            DiscountAffinity = 0.02 + (0.13 * r.NextDouble()),
            RedeemPropensity = 0.2 + (0.5 * r.NextDouble()),
            OpenRate = Math.Min(0.9, 0.05 + (0.45 * r.NextDouble()) + (DemoPeople.IsOlder(ageBand) ? 0.05 : 0)),
        };
        ChooseResponse(r, traits);
        ChooseShift(r, traits, signup);

        var appShare = channelMix[1];
        var emailConsent = r.Chance(0.8);
        traits.EmailOptOutAt = emailConsent && r.Chance(0.08)
            ? Second(signup + ((_period.End - signup) * r.NextDouble()))
            : null;
        var consent = new Consent(
            email: emailConsent && traits.EmailOptOutAt is null,
            sms: r.Chance(0.35),
            push: r.Chance(appShare > 0.3 ? 0.6 : 0.1),
            profiling: r.Chance(0.9),
            updatedAt: traits.EmailOptOutAt ?? signup);
        traits.EmailConsentAtSignup = emailConsent;

        var customer = new Customer($"CUST-{index + 1:D7}", first, last, email, phone, ageBand, region, signup, signupChannel, consent);
        _values.Set(customer, nameof(Customer.Id), customerId);
        return customer;
    }

    /// <summary>Response type, tilted by λ: frequent buyers are more often sure things, rare ones lost causes.</summary>
    private void ChooseResponse(SeededRandom r, Traits t)
    {
        var shares = _parameters.ResponseShares;
        var tilt = t.PurchaseRate / (t.PurchaseRate + (_parameters.R / _parameters.Alpha));
        t.Response = ResponseTypes[r.Weighted([shares[0], shares[1] * 2 * tilt, shares[2] * 2 * (1 - tilt), shares[3]])];
        var buysInWindow = Math.Exp(-t.PurchaseRate * _parameters.OfferWindowDays);
        switch (t.Response)
        {
            case OfferResponseType.Persuadable:
                t.ExtraPurchaseChance = 0.2 + (0.4 * r.NextDouble());
                t.OfferUplift = t.ExtraPurchaseChance * buysInWindow;
                break;
            case OfferResponseType.DoNotDisturb:
                t.SkipChance = 0.3 + (0.4 * r.NextDouble());
                t.OfferUplift = buysInWindow - Math.Exp(-t.PurchaseRate * _parameters.OfferWindowDays * (1 - t.SkipChance));
                break;
            default:
                t.OfferUplift = 0;
                break;
        }
    }

    /// <summary>A share of customers moves most of their favourite category's weight to another one, mid-history.</summary>
    private void ChooseShift(SeededRandom r, Traits t, DateTime signup)
    {
        var span = _period.End - signup;
        var shifts = r.Chance(_parameters.PreferenceShiftShare);
        var moment = signup + (span * (0.25 + (0.5 * r.NextDouble())));
        if (!shifts || span < TimeSpan.FromDays(60))
            return;
        var from = 0;
        for (var i = 1; i < t.Preferences.Length; i++)
            if (t.Preferences[i] > t.Preferences[from])
                from = i;
        var to = _shiftTargets[from];
        var after = (double[])t.Preferences.Clone();
        after[to] += 0.85 * after[from];
        after[from] *= 0.15;
        t.ShiftAt = Second(moment);
        t.ShiftFrom = from;
        t.ShiftTo = to;
        t.PreferencesAfterShift = after;
    }

    private void AssignCampaigns(State s)
    {
        foreach (var campaign in _campaigns)
        {
            // Drawn for every campaign, eligible or not, so one customer's draws never depend on the others'.
            var inAudience = s.Random.Chance(_parameters.CampaignAudienceShare);
            if (!inAudience || s.Customer.SignupDate >= campaign.Start || !s.Traits.EmailConsentAt(campaign.Start))
                continue;
            var holdout = HoldoutAssignment.IsInHoldout(campaign.Id, s.Customer.Id, campaign.Campaign.HoldoutShare);
            s.Batch.Holdouts.Add(new HoldoutAssignment(campaign.Id, s.Customer.Id, holdout, campaign.Start.AddDays(-1)));
            if (!holdout)
                s.TreatedIn.Add(campaign);
        }
    }

    /// <summary>
    /// The BG/NBD purchase times from the signup (the first purchase) to the end of the period, with the support
    /// contacts that follow purchases, then the incremental purchases of treated persuadables.
    /// </summary>
    private List<Purchase> PurchaseTimeline(State s)
    {
        var r = s.Random;
        var t = s.Traits;
        var purchases = new List<Purchase> { new(s.Customer.SignupDate, s.Customer.SignupChannel, false) };
        ContactSupportAfter(s, purchases[0]);
        var at = s.Customer.SignupDate;
        while (true)
        {
            at = Later(at, r.Exponential(t.PurchaseRate));
            if (at >= _period.End)
                break;
            at = Second(at);
            var channel = Channels[r.Weighted(t.ChannelMix)];
            // A treated do-not-disturb skips some purchases in the offer window; a skipped purchase never happened.
            if (t.Response == OfferResponseType.DoNotDisturb && TreatedWindowAt(s, at) is not null && r.Chance(t.SkipChance))
                continue;
            var purchase = new Purchase(at, channel, false);
            purchases.Add(purchase);
            var badContactAt = ContactSupportAfter(s, purchase);
            var p = badContactAt is null ? t.DropoutProbability : Math.Min(1, t.DropoutProbability * _parameters.BadContactDropoutMultiplier);
            if (r.Chance(p))
            {
                t.BecameInactiveAt = badContactAt is { } bad && bad < _period.End ? bad : at;
                break;
            }
        }

        if (t.Response == OfferResponseType.Persuadable)
            foreach (var campaign in s.TreatedIn)
            {
                var extra = Second(campaign.Start + ((campaign.End - campaign.Start) * r.NextDouble()));
                var buys = r.Chance(t.ExtraPurchaseChance);
                if (buys && extra > s.Customer.SignupDate && (t.BecameInactiveAt is null || extra <= t.BecameInactiveAt))
                    purchases.Add(new Purchase(extra, Channels[r.Weighted(t.ChannelMix)], true));
            }
        purchases.Sort((x, y) => x.At.CompareTo(y.At));
        return purchases;
    }

    /// <summary>Maybe a support contact after the purchase; returns when it was, if it went badly.</summary>
    private DateTime? ContactSupportAfter(State s, Purchase purchase)
    {
        var r = s.Random;
        if (!r.Chance(_parameters.SupportContactRate))
            return null;
        var at = Second(purchase.At.AddHours(2 + (118 * r.NextDouble())));
        var topic = purchase.Channel == SalesChannel.Store
            ? DemoPeople.StoreTopics[r.Weighted(DemoPeople.StoreTopicShares)]
            : DemoPeople.RemoteTopics[r.Weighted(DemoPeople.RemoteTopicShares)];
        var outcome = DemoPeople.Outcomes[r.Weighted(DemoPeople.OutcomeShares)];
        if (at >= _period.End)
            return null;
        var contact = new SupportContact(s.Customer.Id, at, topic, outcome);
        s.Batch.SupportContacts.Add(contact);
        return contact.IsBadExperience ? at : null;
    }

    private static PastCampaign? TreatedWindowAt(State s, DateTime at)
    {
        foreach (var campaign in s.TreatedIn)
            if (at >= campaign.Start && at < campaign.End)
                return campaign;
        return null;
    }

    private CustomerTruth Truth(State s)
    {
        var t = s.Traits;
        return new CustomerTruth
        {
            CustomerId = s.Customer.Id,
            PurchaseRate = t.PurchaseRate,
            DropoutProbability = t.DropoutProbability,
            MeanSpend = _parameters.P / t.SpendRate,
            BecameInactiveAt = t.BecameInactiveAt,
            PreferenceShiftAt = t.ShiftAt,
            ShiftFromCategoryId = t.ShiftAt is null ? null : _catalogue.Categories[t.ShiftFrom].Id,
            ShiftToCategoryId = t.ShiftAt is null ? null : _catalogue.Categories[t.ShiftTo].Id,
            OfferResponse = t.Response,
            OfferUplift = t.OfferUplift,
        };
    }

    /// <summary><paramref name="days"/> after <paramref name="at"/>, or the end of the period when that is later (waits can be huge).</summary>
    private DateTime Later(DateTime at, double days) =>
        days < (_period.End - at).TotalDays ? at.AddDays(days) : _period.End;

    /// <summary>Whole seconds, so stored moments compare exactly on every provider.</summary>
    private static DateTime Second(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>A purchase moment: baseline (BG/NBD) or incremental (caused by an offer).</summary>
    private readonly record struct Purchase(DateTime At, SalesChannel Channel, bool Incremental);
}

using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Simulates one customer's whole history, month by month, from a generator seeded for that customer alone.
/// <list type="bullet">
/// <item>Profile: name, unique e-mail, phone, age band, region, signup date (a third were members before the
/// period, the rest join during it) and channel, consent (most opt in to e-mail, fewer to SMS and push, a few
/// opt out of profiling).</item>
/// <item>Behaviour: a purchase rate per month drawn from a gamma distribution (a few heavy buyers, many light
/// ones), a monthly chance of lapsing (raised in a month with a bad support experience), a preferred mix of
/// channels and of categories, a liking for discounts and for redeeming points, an e-mail open rate.</item>
/// <item>Orders of 1–5 lines, more in November and December and fewer in summer; product views, cart adds and
/// checkout steps before online and app orders; browsing sessions without a purchase; app opens; weekly
/// e-mails opened and clicked by consenting customers; support contacts after some orders and now and then.</item>
/// <item>Points: each order earns <see cref="Tier.PointsFor"/> at the tier its qualifying spend over the previous
/// 365 days reaches (<see cref="TierRules.Standard"/>); 500-point vouchers are redeemed at checkout through
/// <see cref="PointsLedger"/>, so the balance never goes negative; the balance expires after 180 days
/// without a purchase. The customer's tier is set from the qualifying spend at the end of the period.</item>
/// </list>
/// </summary>
internal sealed class CustomerSimulation(DemoCatalogue catalogue, EntityValues values, DemoPeriod period, int seed)
{
    public static readonly TimeSpan PointsExpireAfter = TimeSpan.FromDays(180);
    public const int VoucherPoints = 500;

    private static readonly double[] Seasonality = [0.85, 0.85, 0.95, 1.0, 1.0, 0.92, 0.88, 0.88, 1.0, 1.05, 1.15, 1.35];
    private static readonly double[] LineCountShares = [0.35, 0.3, 0.18, 0.11, 0.06];
    private static readonly double[] QuantityShares = [0.72, 0.21, 0.07];
    private static readonly double[] OutcomeShares = [0.72, 0.13, 0.1, 0.05];
    private static readonly SupportOutcome[] Outcomes =
        [SupportOutcome.Resolved, SupportOutcome.ResolvedLate, SupportOutcome.Unresolved, SupportOutcome.Escalated];
    private static readonly SalesChannel[] Channels = [SalesChannel.Online, SalesChannel.App, SalesChannel.Store];
    private static readonly decimal[] DiscountRates = [0.1m, 0.2m, 0.25m];

    private readonly TierRules _tiers = TierRules.Standard;

    public void Simulate(int index, long customerId, DemoBatch batch, DemoIds ids)
    {
        var random = new SeededRandom(SeededRandom.Mix(seed, index));
        var customer = CreateCustomer(random, index, customerId);
        batch.Customers.Add(customer);
        var state = new State(random, customer, batch, ids);
        RunHistory(state);
        var endSpend = state.QualifyingSpend(period.End);
        customer.MoveToTier(_tiers.TierFor(endSpend));
        batch.Points.AddRange(state.Ledger.Entries);
    }

    private Customer CreateCustomer(SeededRandom random, int index, long customerId)
    {
        var first = random.Pick(DemoPeople.FirstNames);
        var last = random.Pick(DemoPeople.LastNames);
        var email = $"{first}.{last}.{index + 1}@{random.Pick(DemoPeople.EmailDomains)}".ToLowerInvariant();
        var phone = random.Chance(0.9) ? $"+44 7{random.Next(100, 1000)} {random.Next(100_000, 1_000_000)}" : null;
        var ageBand = DemoPeople.AgeBands[random.Weighted(DemoPeople.AgeBandShares)];
        var region = DemoPeople.Regions[random.Weighted(DemoPeople.RegionShares)];

        DateTime signup;
        var days = (period.End - period.Start).TotalDays;
        if (random.Chance(0.35))
            signup = period.Start.AddDays(-random.Next(1, 731));
        else // joins during the period, a little more often later on (the programme grows)
            signup = period.Start.AddDays(Math.Floor(Math.Pow(random.NextDouble(), 0.85) * (days - 1)));
        signup = signup.AddSeconds(random.Next(8 * 3600, 21 * 3600));
        var signupChannel = Channels[random.Weighted([0.45, 0.3, 0.25])];

        var appUser = signupChannel == SalesChannel.App || random.Chance(0.3);
        var consent = new Consent(
            email: random.Chance(0.8),
            sms: random.Chance(0.35),
            push: random.Chance(appUser ? 0.6 : 0.1),
            profiling: random.Chance(0.9),
            updatedAt: signup);
        var customer = new Customer($"CUST-{index + 1:D7}", first, last, email, phone, ageBand, region, signup, signupChannel, consent);
        values.Set(customer, nameof(Customer.Id), customerId);
        return customer;
    }

    private void RunHistory(State s)
    {
        var r = s.Random;
        // Behaviour profile.
        var ordersPerMonth = Math.Clamp(r.Gamma(1.2, 1.0), 0.03, 8);
        var lapseHazard = 0.008 + (0.05 * Math.Pow(r.NextDouble(), 3));
        var channelWeights = Channels.Select(c => r.Gamma(1, 1) + (c == s.Customer.SignupChannel ? 2 : 0)).ToArray();
        var categoryWeights = catalogue.Categories.Select((c, i) => r.Gamma(0.7, 1) + 0.05 + (i == 0 ? 0.5 : 0)).ToArray();
        s.CategoryWeights = categoryWeights;
        var discountAffinity = 0.02 + (0.18 * r.NextDouble());
        var redeemPropensity = 0.2 + (0.4 * r.NextDouble());
        var openRate = 0.05 + (0.55 * r.NextDouble());
        var appWeight = channelWeights[1] / channelWeights.Sum();

        var activeFrom = s.Customer.SignupDate.AddHours(1);
        var month = new DateTime(Math.Max(period.Start.Ticks, activeFrom.Ticks), DateTimeKind.Utc);
        month = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var lapsed = false;
        for (; month < period.End; month = month.AddMonths(1))
        {
            var from = Max(Max(month, period.Start), activeFrom);
            var to = Min(month.AddMonths(1), period.End);
            if (from >= to)
                continue;
            var share = (to - from).TotalDays / DateTime.DaysInMonth(month.Year, month.Month);
            var season = Seasonality[month.Month - 1];
            var badExperiences = 0;

            if (!lapsed)
            {
                var times = DrawTimes(r, r.Poisson(ordersPerMonth * season * share), from, to);
                foreach (var at in times)
                {
                    ExpireIfDormant(s, at);
                    var order = PlaceOrder(s, at, Channels[r.Weighted(channelWeights)], discountAffinity, redeemPropensity);
                    if (r.Chance(0.05))
                        badExperiences += OpenSupportContact(s, order.OrderedAt.AddHours(r.Next(2, 120)), order.Channel) ? 1 : 0;
                }
                foreach (var at in DrawTimes(r, r.Poisson(((0.3 * ordersPerMonth) + 0.15) * season * share), from, to))
                    Browse(s, at, Channels[r.Weighted([channelWeights[0], channelWeights[1], 0])]);
                foreach (var at in DrawTimes(r, r.Poisson(2.5 * appWeight * share), from, to))
                    s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, at, InteractionType.AppOpen, SalesChannel.App));
                if (r.Chance(0.015 * share))
                    badExperiences += OpenSupportContact(s, DrawTimes(r, 1, from, to)[0], null) ? 1 : 0;
            }

            if (s.Customer.Consent.Email)
                ReadNewsletters(s, from, to, lapsed ? openRate * 0.25 : openRate);

            ExpireIfDormant(s, to);
            if (!lapsed && r.Chance(lapseHazard + (0.12 * badExperiences)))
                lapsed = true;
        }
    }

    private Order PlaceOrder(State s, DateTime at, SalesChannel channel, double discountAffinity, double redeemPropensity)
    {
        var r = s.Random;
        var orderId = s.Ids.NextOrderId++;
        var order = new Order($"ORD-{orderId:D9}", s.Customer.Id, at, channel);
        values.Set(order, nameof(Order.Id), orderId);

        var lineCount = r.Weighted(LineCountShares) + 1;
        var chosen = new HashSet<int>();
        for (var i = 0; i < lineCount; i++)
        {
            var product = PickProduct(s);
            if (!chosen.Add(product))
                continue;
            var p = catalogue.Products[product];
            var quantity = r.Weighted(QuantityShares) + 1;
            var discount = r.Chance(discountAffinity)
                ? Math.Round(quantity * p.UnitPrice * DiscountRates[r.Next(0, DiscountRates.Length)], 2, MidpointRounding.AwayFromZero)
                : 0m;
            var line = order.AddLine(p.Id, quantity, p.UnitPrice, discount);
            values.Set(line, nameof(OrderLine.Id), s.Ids.NextLineId++);
            values.Set(line, nameof(OrderLine.OrderId), orderId);
            s.Batch.Lines.Add(line);
        }
        s.Batch.Orders.Add(order);

        if (channel != SalesChannel.Store || r.Chance(0.3))
            AddPathToPurchase(s, order, channel == SalesChannel.Store ? SalesChannel.Online : channel);

        // Points: vouchers are taken at checkout, then the order earns at the tier held before it.
        var tier = _tiers.TierFor(s.QualifyingSpend(at));
        if (s.Ledger.Balance >= VoucherPoints && r.Chance(redeemPropensity))
        {
            var vouchers = Math.Min(s.Ledger.Balance / VoucherPoints, r.Next(1, 3));
            s.Ledger.Redeem(vouchers * VoucherPoints, at, orderId, "Reward voucher");
        }
        var points = tier.PointsFor(order.Total);
        if (points > 0)
            s.Ledger.Earn(points, at, orderId);
        s.AddSpend(at, order.Total);
        s.LastOrderAt = at;
        return order;
    }

    private void AddPathToPurchase(State s, Order order, SalesChannel channel)
    {
        var r = s.Random;
        var events = s.Batch.Events;
        var id = s.Customer.Id;
        var at = order.OrderedAt;
        if (channel == SalesChannel.App)
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(30, 45)), InteractionType.AppOpen, channel));
        foreach (var line in order.Lines)
        {
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(15, 29)), InteractionType.ProductView, channel, line.ProductId));
            if (r.Chance(0.25))
                events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(15, 29)), InteractionType.ProductView, channel, line.ProductId));
            if (order.Channel != SalesChannel.Store)
                events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(6, 14)), InteractionType.CartAdd, channel, line.ProductId));
        }
        if (r.Chance(0.35))
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(15, 29)), InteractionType.ProductView, channel, catalogue.Products[PickProduct(s)].Id));
        if (order.Channel == SalesChannel.Store)
            return;
        for (var step = 1; step <= 4; step++)
            events.Add(new InteractionEvent(id, at.AddMinutes(step - 5), InteractionType.CheckoutStep, channel, checkoutStep: step));
    }

    private void Browse(State s, DateTime at, SalesChannel channel)
    {
        var r = s.Random;
        var events = s.Batch.Events;
        var id = s.Customer.Id;
        if (channel == SalesChannel.App)
            events.Add(new InteractionEvent(id, at, InteractionType.AppOpen, channel));
        var views = r.Next(1, 5);
        var product = 0;
        for (var i = 0; i < views; i++)
        {
            product = catalogue.Products[PickProduct(s)].Id;
            events.Add(new InteractionEvent(id, at.AddMinutes(i + 1), InteractionType.ProductView, channel, product));
        }
        if (!r.Chance(0.25))
            return;
        events.Add(new InteractionEvent(id, at.AddMinutes(views + 1), InteractionType.CartAdd, channel, product));
        if (r.Chance(0.4)) // abandoned checkout
            for (var step = 1; step <= r.Next(1, 3); step++)
                events.Add(new InteractionEvent(id, at.AddMinutes(views + 1 + step), InteractionType.CheckoutStep, channel, checkoutStep: step));
    }

    private void ReadNewsletters(State s, DateTime from, DateTime to, double openRate)
    {
        var r = s.Random;
        // The newsletter goes out every Tuesday at 10:00.
        var send = from.Date.AddHours(10);
        while (send.DayOfWeek != DayOfWeek.Tuesday)
            send = send.AddDays(1);
        for (; send < to; send = send.AddDays(7))
        {
            if (send < from || !r.Chance(openRate))
                continue;
            var opened = send.AddMinutes(r.Next(5, 48 * 60));
            if (opened >= period.End)
                continue;
            s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, opened, InteractionType.EmailOpen, SalesChannel.Online));
            if (r.Chance(0.3) && opened.AddMinutes(2) < period.End)
                s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, opened.AddMinutes(r.Next(1, 3)), InteractionType.EmailClick, SalesChannel.Online));
        }
    }

    /// <summary>Adds a support contact; true when it went badly (unresolved or resolved late).</summary>
    private bool OpenSupportContact(State s, DateTime at, SalesChannel? orderChannel)
    {
        var r = s.Random;
        var topic = orderChannel switch
        {
            null => r.Chance(0.6) ? SupportTopic.Account : SupportTopic.Points,
            SalesChannel.Store => new[] { SupportTopic.Product, SupportTopic.Refund, SupportTopic.Points }[r.Weighted([0.5, 0.3, 0.2])],
            _ => new[] { SupportTopic.Delivery, SupportTopic.Refund, SupportTopic.Product, SupportTopic.Points }[r.Weighted([0.4, 0.25, 0.25, 0.1])],
        };
        var outcome = Outcomes[r.Weighted(OutcomeShares)];
        if (at >= period.End)
            return false;
        var contact = new SupportContact(s.Customer.Id, at, topic, outcome);
        s.Batch.SupportContacts.Add(contact);
        return contact.IsBadExperience;
    }

    private static void ExpireIfDormant(State s, DateTime now)
    {
        if (s.Ledger.Balance > 0 && s.LastOrderAt is { } last && now - last > PointsExpireAfter)
            s.Ledger.Expire(s.Ledger.Balance, last + PointsExpireAfter, "Expired after 180 days without a purchase");
    }

    private int PickProduct(State s)
    {
        var inCategory = catalogue.ProductsByCategory[s.Random.Weighted(s.CategoryWeights)];
        return inCategory[s.Random.Next(0, inCategory.Length)];
    }

    /// <summary><paramref name="count"/> sorted moments in [from, to), in waking hours where the window allows.</summary>
    private static List<DateTime> DrawTimes(SeededRandom r, int count, DateTime from, DateTime to)
    {
        var times = new List<DateTime>(count);
        var span = (to - from).TotalSeconds;
        for (var i = 0; i < count; i++)
        {
            var at = from.AddSeconds(Math.Floor(r.NextDouble() * span));
            for (var tries = 0; tries < 4 && at.Hour is < 7 or > 21; tries++)
                at = from.AddSeconds(Math.Floor(r.NextDouble() * span));
            times.Add(at);
        }
        times.Sort();
        return times;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>What the month-by-month loop carries for one customer.</summary>
    private sealed class State(SeededRandom random, Customer customer, DemoBatch batch, DemoIds ids)
    {
        private readonly Queue<(DateTime At, decimal Total)> _window = new();
        private decimal _windowSpend;

        public SeededRandom Random { get; } = random;
        public Customer Customer { get; } = customer;
        public DemoBatch Batch { get; } = batch;
        public DemoIds Ids { get; } = ids;
        public PointsLedger Ledger { get; } = new(customer.Id);
        public double[] CategoryWeights { get; set; } = [];
        public DateTime? LastOrderAt { get; set; }

        public void AddSpend(DateTime at, decimal total)
        {
            _window.Enqueue((at, total));
            _windowSpend += total;
        }

        /// <summary>Spend of orders after <paramref name="asOf"/> − 365 days and up to it (orders arrive in time order).</summary>
        public decimal QualifyingSpend(DateTime asOf)
        {
            var windowStart = asOf - TierRules.QualifyingWindow;
            while (_window.Count > 0 && _window.Peek().At <= windowStart)
                _windowSpend -= _window.Dequeue().Total;
            return _windowSpend;
        }
    }
}

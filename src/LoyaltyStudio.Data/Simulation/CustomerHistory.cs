using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>Turns a customer's purchase moments into orders, points and offers, and adds browsing, app and e-mail events.</summary>
internal sealed partial class CustomerSimulation
{
    public static readonly TimeSpan PointsExpireAfter = TimeSpan.FromDays(180);
    public const int VoucherPoints = 500;

    private static readonly double[] LineCountShares = [0.3, 0.3, 0.2, 0.12, 0.08];
    private static readonly decimal[] PromotionRates = [0.1m, 0.2m, 0.25m];

    private void PlaceOrders(State s, List<Purchase> purchases)
    {
        foreach (var purchase in purchases)
        {
            ExpireIfDormant(s, purchase.At);
            var redeems = RedeemedCampaign(s, purchase);
            var order = BuildOrder(s, purchase, redeems is not null);
            if (redeems is not null)
                s.Redemptions[redeems.Index] = (order.Id, order.OrderedAt);
            if (purchase.Channel != SalesChannel.Store)
                AddPathToPurchase(s, order);
            EarnAndRedeemPoints(s, order);
        }
        ExpireIfDormant(s, _period.End);
    }

    /// <summary>
    /// The campaign whose offer this purchase redeems: a persuadable's incremental purchase, or a sure thing's first
    /// purchase in the window. Persuadables never redeem on a baseline purchase, so incremental orders are exactly the
    /// persuadables' redemption orders.
    /// </summary>
    private static PastCampaign? RedeemedCampaign(State s, Purchase purchase)
    {
        var response = s.Traits.Response;
        var redeems = (response == OfferResponseType.Persuadable && purchase.Incremental)
            || (response == OfferResponseType.SureThing && !purchase.Incremental);
        if (!redeems)
            return null;
        foreach (var campaign in s.TreatedIn)
            if (purchase.At >= campaign.Start && purchase.At < campaign.End && !s.Redemptions.ContainsKey(campaign.Index))
                return campaign;
        return null;
    }

    /// <summary>
    /// An order whose gross value (Σ quantity × unit price, before discounts) has expected value z ~ Gamma(p, ν):
    /// units are added round-robin over a few chosen products while they fit, and the unit that would overshoot
    /// is added with probability (remainder / its price). Only when z is below the cheapest chosen product is one
    /// unit forced (rare with the defaults). With <see cref="SimulationParameters.ExactSpend"/> the gross value is z
    /// itself, to the cent: the basket is filled to the shelf total nearest z (<see cref="FillNearest"/>) and the
    /// lines' prices are then scaled to z (<see cref="PriceAtExactly"/>).
    /// </summary>
    private Order BuildOrder(State s, Purchase purchase, bool redeemsOffer)
    {
        var r = s.Random;
        var orderId = s.Ids.NextOrderId++;
        var order = new Order($"ORD-{orderId:D9}", s.Customer.Id, purchase.At, purchase.Channel);
        _values.Set(order, nameof(Order.Id), orderId);

        var exact = _parameters.ExactSpend;
        var target = (decimal)r.GammaWithRate(_parameters.P, s.Traits.SpendRate);
        if (exact)
            target = Math.Max(0.01m, Math.Round(target, 2, MidpointRounding.AwayFromZero));
        var preferences = s.Traits.PreferencesAt(purchase.At);
        var distinct = Math.Min(5, Math.Max(r.Weighted(LineCountShares) + 1, (int)Math.Ceiling(target / 30m)));
        Span<int> products = stackalloc int[6]; // up to five products, and room for a line split off by PriceAtExactly
        var count = 0;
        for (var tries = 0; count < distinct && tries < distinct * 4; tries++)
        {
            var product = PickProduct(r, preferences);
            if (products[..count].IndexOf(product) < 0)
                products[count++] = product;
        }
        products[..count].Sort((a, b) => _catalogue.Products[a].UnitPrice.CompareTo(_catalogue.Products[b].UnitPrice));
        if (_catalogue.Products[products[0]].UnitPrice > target)
        {
            // Not even one unit fits: buy one cheaper product instead (of a preferred category where possible),
            // so that the fill below starts with a unit that fits and stays unbiased.
            count = 1;
            products[0] = _catalogue.CheapestProduct;
            for (var tries = 0; tries < 8; tries++)
            {
                var product = PickProduct(r, preferences);
                if (_catalogue.Products[product].UnitPrice <= target)
                {
                    products[0] = product;
                    break;
                }
            }
        }

        Span<int> quantities = stackalloc int[6];
        quantities.Clear();
        if (exact)
        {
            FillNearest(target, products[..count], quantities);
        }
        else
        {
            var sum = 0m;
            for (var i = 0; ; i = (i + 1) % count)
            {
                var price = _catalogue.Products[products[i]].UnitPrice;
                if (sum + price <= target)
                {
                    quantities[i]++;
                    sum += price;
                    continue;
                }
                if ((double)(target - sum) > r.NextDouble() * (double)price)
                    quantities[i]++;
                break;
            }
        }
        if (quantities[..count].IndexOfAnyExcept(0) < 0)
            quantities[0] = 1;

        Span<decimal> unitPrices = stackalloc decimal[6];
        for (var i = 0; i < count; i++)
            unitPrices[i] = _catalogue.Products[products[i]].UnitPrice;
        if (exact)
            count = PriceAtExactly(target, products, quantities, unitPrices, count);

        for (var i = 0; i < count; i++)
        {
            if (quantities[i] == 0)
                continue;
            var product = _catalogue.Products[products[i]];
            var gross = quantities[i] * unitPrices[i];
            var rate = r.Chance(s.Traits.DiscountAffinity) ? PromotionRates[r.Next(0, PromotionRates.Length)] : 0m;
            if (redeemsOffer)
                rate = Math.Max(rate, PastCampaigns.OfferDiscountRate);
            var discount = Math.Round(gross * rate, 2, MidpointRounding.AwayFromZero);
            var line = order.AddLine(product.Id, quantities[i], unitPrices[i], discount);
            _values.Set(line, nameof(OrderLine.Id), s.Ids.NextLineId++);
            _values.Set(line, nameof(OrderLine.OrderId), orderId);
            s.Batch.Lines.Add(line);
        }
        s.Batch.Orders.Add(order);
        return order;
    }

    /// <summary>Vouchers are taken at checkout, then the order earns at the tier its 365-day spend had reached before it.</summary>
    private void EarnAndRedeemPoints(State s, Order order)
    {
        var r = s.Random;
        var tier = _tiers.TierFor(s.QualifyingSpend(order.OrderedAt));
        if (s.Ledger.Balance >= VoucherPoints && r.Chance(s.Traits.RedeemPropensity))
        {
            var vouchers = Math.Min(s.Ledger.Balance / VoucherPoints, r.Next(1, 3));
            s.Ledger.Redeem(vouchers * VoucherPoints, order.OrderedAt, order.Id, "Reward voucher");
        }
        var points = tier.PointsFor(order.Total);
        if (points > 0)
            s.Ledger.Earn(points, order.OrderedAt, order.Id);
        s.AddSpend(order.OrderedAt, order.Total);
        s.LastOrderAt = order.OrderedAt;
    }

    /// <summary>Views of what was bought (and of something not bought), cart adds and all four checkout steps.</summary>
    private void AddPathToPurchase(State s, Order order)
    {
        var r = s.Random;
        var events = s.Batch.Events;
        var id = s.Customer.Id;
        var at = order.OrderedAt;
        var channel = order.Channel;
        // Most app orders continue a session already open; the others start with an app open of their own.
        if (channel == SalesChannel.App && r.Chance(0.4))
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(30, 45)), InteractionType.AppOpen, channel));
        // Half of the orders are repeat baskets ("buy again"): straight to the cart, without browsing.
        var browses = r.Chance(0.5);
        var preferences = s.Traits.PreferencesAt(at);
        for (var extra = browses ? r.Poisson(0.6) : 0; extra > 0; extra--)
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(20, 29)), InteractionType.ProductView, channel,
                _catalogue.Products[PickProduct(r, preferences)].Id));
        foreach (var line in order.Lines)
        {
            if (browses)
                events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(15, 20)), InteractionType.ProductView, channel, line.ProductId));
            events.Add(new InteractionEvent(id, at.AddMinutes(-r.Next(6, 14)), InteractionType.CartAdd, channel, line.ProductId));
        }
        for (var step = 1; step <= 4; step++)
            events.Add(new InteractionEvent(id, at.AddMinutes(step - 5), InteractionType.CheckoutStep, channel, checkoutStep: step));
    }

    /// <summary>
    /// Sessions without a purchase while the customer is active, online or in the app, 0.7 times as often as purchases
    /// (fading with <see cref="Engagement"/>):
    /// a few product views, sometimes a cart add, sometimes an abandoned checkout that mostly stops at
    /// <see cref="SimulationParameters.CheckoutDropOutStep"/>.
    /// </summary>
    private void Browse(State s)
    {
        var r = s.Random;
        var t = s.Traits;
        var remoteShare = t.ChannelMix[0] + t.ChannelMix[1];
        var rate = 0.7 * t.PurchaseRate * remoteShare;
        if (rate <= 0)
            return;
        var end = t.BecameInactiveAt ?? _period.End;
        var id = s.Customer.Id;
        var events = s.Batch.Events;
        for (var at = Later(s.Customer.SignupDate, r.Exponential(rate)); at < end; at = Later(at, r.Exponential(rate)))
        {
            if (r.NextDouble() >= Engagement(t, at))
                continue;
            var start = Second(at);
            var channel = r.NextDouble() * remoteShare < t.ChannelMix[0] ? SalesChannel.Online : SalesChannel.App;
            if (channel == SalesChannel.App)
                events.Add(new InteractionEvent(id, start, InteractionType.AppOpen, channel));
            var views = r.Next(1, 5);
            var preferences = t.PreferencesAt(start);
            var product = 0;
            for (var i = 0; i < views; i++)
            {
                product = _catalogue.Products[PickProduct(r, preferences)].Id;
                events.Add(new InteractionEvent(id, start.AddMinutes(i + 1), InteractionType.ProductView, channel, product));
            }
            if (!r.Chance(0.3))
                continue;
            events.Add(new InteractionEvent(id, start.AddMinutes(views + 1), InteractionType.CartAdd, channel, product));
            if (!r.Chance(0.5))
                continue;
            var lastStep = r.Chance(0.7) ? _parameters.CheckoutDropOutStep : OtherStep(r, _parameters.CheckoutDropOutStep);
            for (var step = 1; step <= lastStep; step++)
                events.Add(new InteractionEvent(id, start.AddMinutes(views + 1 + step), InteractionType.CheckoutStep, channel, checkoutStep: step));
        }
    }

    private static int OtherStep(SeededRandom r, int dropOutStep)
    {
        var step = r.Next(1, 3); // one of the two other steps among 1..3
        return step >= dropOutStep ? step + 1 : step;
    }

    /// <summary>
    /// App opens at a rate following the customer's app share, from signup to the end of the period; in the
    /// <see cref="SimulationParameters.EngagementFadeDays"/> before the customer becomes inactive they fade
    /// (<see cref="Engagement"/>).
    /// </summary>
    private void OpenApp(State s)
    {
        var r = s.Random;
        var t = s.Traits;
        var rate = 0.15 * t.ChannelMix[1];
        if (rate < 0.002)
            return;
        for (var at = Later(s.Customer.SignupDate, r.Exponential(rate)); at < _period.End; at = Later(at, r.Exponential(rate)))
        {
            if (r.NextDouble() < Engagement(t, at))
                s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, Second(at), InteractionType.AppOpen, SalesChannel.App));
        }
    }

    /// <summary>
    /// How engaged the customer is at <paramref name="at"/>, as a share of their usual rate of app opens and browsing:
    /// 1, falling linearly to 0.1 over the <see cref="SimulationParameters.EngagementFadeDays"/> before they become
    /// inactive, and 0.05 afterwards.
    /// </summary>
    private double Engagement(Traits t, DateTime at)
    {
        if (t.BecameInactiveAt is not { } inactive)
            return 1;
        if (at > inactive)
            return 0.05;
        var fade = TimeSpan.FromDays(_parameters.EngagementFadeDays);
        return inactive - at < fade ? 0.1 + (0.9 * ((inactive - at) / fade)) : 1;
    }

    /// <summary>A newsletter every four weeks (Tuesdays, 10:00) to e-mail subscribers; inactive customers open far fewer.</summary>
    private void ReadNewsletters(State s)
    {
        var r = s.Random;
        var t = s.Traits;
        if (!t.EmailConsentAtSignup)
            return;
        var send = s.Customer.SignupDate.Date.AddHours(10);
        while (send.DayOfWeek != DayOfWeek.Tuesday || send < s.Customer.SignupDate)
            send = send.AddDays(1);
        for (; send < _period.End && t.EmailConsentAt(send); send = send.AddDays(28))
        {
            var openRate = t.ActiveAt(send) ? t.OpenRate : t.OpenRate * 0.3;
            if (!r.Chance(openRate))
                continue;
            var opened = send.AddMinutes(r.Next(5, 48 * 60));
            if (opened >= _period.End)
                continue;
            s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, opened, InteractionType.EmailOpen, SalesChannel.Online));
            if (r.Chance(0.25) && opened.AddMinutes(2) < _period.End)
                s.Batch.Events.Add(new InteractionEvent(s.Customer.Id, opened.AddMinutes(r.Next(1, 3)), InteractionType.EmailClick, SalesChannel.Online));
        }
    }

    /// <summary>The offers of the campaigns the customer was treated in, delivered at the start and redeemed or expired.</summary>
    private void SendOffers(State s)
    {
        var meanOrder = (decimal)(_parameters.P * _parameters.Gamma / (_parameters.Q - 1));
        foreach (var campaign in s.TreatedIn)
        {
            // Planning figures from the parameters: the discount on an average order, and its value at the planned 25 % response.
            var cost = Math.Round(meanOrder * PastCampaigns.OfferDiscountRate, 2);
            var offer = new Offer(s.Customer.Id, campaign.Id, "10 % off your next basket",
                $"{campaign.Campaign.Name}: random sample of e-mail subscribers", null,
                Math.Round(meanOrder * 0.25m, 2), cost, campaign.Start.AddDays(-2), campaign.End);
            offer.Approve(PastCampaigns.Manager, campaign.Start.AddDays(-1));
            offer.MarkDelivered(campaign.Start);
            if (s.Redemptions.TryGetValue(campaign.Index, out var redemption))
                offer.Redeem(redemption.OrderId, redemption.At);
            else
                offer.Expire(campaign.End);
            s.Batch.Offers.Add(offer);
        }
    }

    private static void ExpireIfDormant(State s, DateTime now)
    {
        if (s.Ledger.Balance > 0 && s.LastOrderAt is { } last && now - last > PointsExpireAfter)
            s.Ledger.Expire(s.Ledger.Balance, last + PointsExpireAfter, "Expired after 180 days without a purchase");
    }

    private int PickProduct(SeededRandom r, double[] preferences)
    {
        var inCategory = _catalogue.ProductsByCategory[r.Weighted(preferences)];
        return inCategory[r.Next(0, inCategory.Length)];
    }
}

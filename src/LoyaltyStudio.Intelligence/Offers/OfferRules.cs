using System.Globalization;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>An offer a customer qualifies for, before it is priced: what, why, and what one redemption costs.</summary>
internal readonly record struct OfferIdea(OfferCandidateKind Kind, string Title, string Reason, double Signal, int? CategoryId,
    int? ProductId, decimal Discount);

/// <summary>
/// The five rules that turn a customer's signals into offer ideas. The same rules classify the audiences of past
/// campaigns (at each campaign's start) and today's customers, so response rates are measured on the customers each
/// kind of offer would go to.
/// </summary>
internal sealed class OfferRules(OfferCatalogue catalogue, NextBestOfferOptions options)
{
    private static readonly CultureInfo Format = CultureInfo.InvariantCulture;

    /// <summary>
    /// The ideas for one customer at <paramref name="cutoff"/>; with <paramref name="churnProbability"/> null, win-back is
    /// judged by the days since the last purchase.
    /// </summary>
    public List<OfferIdea> IdeasFor(CustomerOfferSignals customer, DateTime cutoff, double? churnProbability)
    {
        var ideas = new List<OfferIdea>(6);
        var meanOrder = (decimal)customer.MeanOrder;
        Favourite(customer, meanOrder, ideas);
        Viewed(customer, ideas);
        Rising(customer, meanOrder, ideas);
        TierProgress(customer, meanOrder, ideas);
        WinBack(customer, cutoff, churnProbability, meanOrder, ideas);
        return ideas;
    }

    private void Favourite(CustomerOfferSignals customer, decimal meanOrder, List<OfferIdea> ideas)
    {
        var (column, share) = Largest(Shares(customer.WeightedSpend));
        if (column < 0)
            return;
        var (id, name) = catalogue.Categories[column];
        ideas.Add(new OfferIdea(OfferCandidateKind.FavouriteCategory, $"{Percent(options.CategoryDiscountRate)} off {name}",
            $"{name} is {Percent(share)} of recent spend (weighted to the last {Whole(options.HalfLifeDays)} days)",
            share, id, null, Money(options.CategoryDiscountRate * (decimal)share * meanOrder)));
    }

    private void Viewed(CustomerOfferSignals customer, List<OfferIdea> ideas)
    {
        foreach (var (productId, views) in customer.Viewed.Take(options.MaximumViewedProducts))
        {
            if (!catalogue.Products.TryGetValue(productId, out var product))
                continue;
            ideas.Add(new OfferIdea(OfferCandidateKind.ViewedNotBought, $"{Percent(options.ProductDiscountRate)} off {product.Name}",
                $"Still thinking about {product.Name}: viewed {views} times in the last {options.ViewWindowDays} days, not bought",
                views, null, productId, Money(options.ProductDiscountRate * product.Price)));
        }
    }

    private void Rising(CustomerOfferSignals customer, decimal meanOrder, List<OfferIdea> ideas)
    {
        var recent = Shares(customer.RecentSpend);
        var earlier = Shares(customer.EarlierSpend);
        if (recent is null || earlier is null)
            return;
        var best = -1;
        for (var c = 0; c < recent.Length; c++)
        {
            var rise = recent[c] - earlier[c];
            if (rise >= options.RisingShareIncrease && recent[c] >= options.RisingMinimumShare
                && (best < 0 || rise > recent[best] - earlier[best]))
                best = c;
        }
        if (best < 0)
            return;
        var (id, name) = catalogue.Categories[best];
        ideas.Add(new OfferIdea(OfferCandidateKind.RisingCategory, $"{Percent(options.CategoryDiscountRate)} off {name}",
            $"{name} is rising: {Percent(recent[best])} of spend in the last 90 days, {Percent(earlier[best])} in the 275 days before",
            recent[best], id, null, Money(options.CategoryDiscountRate * (decimal)recent[best] * meanOrder)));
    }

    private void TierProgress(CustomerOfferSignals customer, decimal meanOrder, List<OfferIdea> ideas)
    {
        if (catalogue.Tiers is not { } tiers || meanOrder <= 0)
            return;
        var qualifying = Money((decimal)customer.Spend365);
        if (tiers.NextTier(qualifying) is not { } next || next.SpendNeeded > (decimal)options.TierReachOrders * meanOrder)
            return;
        var current = tiers.TierFor(qualifying);
        var bonusPoints = Math.Floor(options.TierBonusPointsMultiplier * meanOrder * current.PointsPerCurrencyUnit);
        var title = options.TierBonusPointsMultiplier == 1m
            ? $"Double points towards {next.Next.Name}"
            : $"{(options.TierBonusPointsMultiplier + 1m).ToString("0.##", Format)}× points towards {next.Next.Name}";
        ideas.Add(new OfferIdea(OfferCandidateKind.TierProgress, title,
            $"{Amount(next.SpendNeeded)} of spend from {next.Next.Name}: {Amount(qualifying)} of the {Amount(next.Next.QualifyingSpend)} needed in 365 days",
            (double)next.SpendNeeded, null, null, Money(bonusPoints * options.PointValue)));
    }

    private void WinBack(CustomerOfferSignals customer, DateTime cutoff, double? churnProbability, decimal meanOrder, List<OfferIdea> ideas)
    {
        var days = Math.Floor((cutoff - customer.LastOrderAt).TotalDays);
        var qualifies = churnProbability is { } p ? p >= options.WinBackChurnProbability : days >= options.WinBackLapseDays;
        if (!qualifies)
            return;
        var reason = churnProbability is { } risk
            ? $"Win-back: no purchase for {Whole(days)} days, churn risk {Percent(risk)}"
            : $"Win-back: no purchase for {Whole(days)} days";
        ideas.Add(new OfferIdea(OfferCandidateKind.WinBack, $"{Percent(options.WinBackDiscountRate)} off your next basket",
            reason, days, null, null, Money(options.WinBackDiscountRate * meanOrder)));
    }

    /// <summary>Shares of the positive amounts; null when nothing positive was spent.</summary>
    private static double[]? Shares(double[] spend)
    {
        var total = spend.Where(s => s > 0).Sum();
        return total > 0 ? [.. spend.Select(s => s > 0 ? s / total : 0)] : null;
    }

    private static (int Column, double Share) Largest(double[]? shares)
    {
        if (shares is null)
            return (-1, 0);
        var best = 0;
        for (var c = 1; c < shares.Length; c++)
            if (shares[c] > shares[best])
                best = c;
        return (best, shares[best]);
    }

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Percent(double share) => $"{Math.Round(share * 100).ToString("0", Format)} %";

    private static string Percent(decimal share) => $"{Math.Round(share * 100).ToString("0.#", Format)} %";

    private static string Whole(double value) => value.ToString("0", Format);

    private static string Amount(decimal value) => value.ToString("#,0.00", Format);
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// Reads the offer signals of all customers (or of one past campaign's audience) at a cut-off with four grouped
/// queries: order statistics, category spend by age band, viewed-and-not-bought products, consent. Every query is
/// restricted to rows before the cut-off. LINQ only, so SQLite and SQL Server run the same code.
/// </summary>
internal static class OfferSignalReader
{
    /// <summary>Upper ends (days before the cut-off) of the age bands of spend; a last band holds everything older.</summary>
    private static readonly int[] BandEnds = [30, 60, 90, 180, 270, 365];

    /// <summary>Bands 0–2 are the last 90 days (the "recent" window); 3–5 the 275 days before it.</summary>
    private const int RecentBands = 3;

    /// <summary>
    /// The age in days at which each band's spend is weighted: the middle of the band, and 365 for the open-ended oldest band
    /// (the most such spend can weigh). Shares divide weights out, so the oldest band only matters beside younger spend.
    /// </summary>
    private static readonly double[] BandAges = [15, 45, 75, 135, 225, 317.5, 365];

    /// <summary>
    /// Signals of every customer with at least one order before <paramref name="cutoff"/>; when <paramref name="audienceOf"/>
    /// is set, only of the customers assigned (treated or held out) to that campaign.
    /// </summary>
    public static async Task<Dictionary<long, CustomerOfferSignals>> ReadAsync(LoyaltyDbContext context, OfferCatalogue catalogue,
        NextBestOfferOptions options, DateTime cutoff, long? audienceOf, CancellationToken cancellationToken)
    {
        var signals = await ReadOrdersAsync(context, catalogue, cutoff, audienceOf, cancellationToken);
        if (signals.Count == 0)
            return signals;
        await ReadCategorySpendAsync(context, catalogue, options, cutoff, audienceOf, signals, cancellationToken);
        await ReadViewsAsync(context, options, cutoff, audienceOf, signals, cancellationToken);
        await ReadConsentAsync(context, audienceOf, signals, cancellationToken);
        return signals;
    }

    private static IQueryable<Domain.Sales.Order> OrdersBefore(LoyaltyDbContext context, DateTime cutoff, long? audienceOf)
    {
        var orders = context.Orders.Where(o => o.OrderedAt < cutoff);
        return audienceOf is { } campaign
            ? orders.Where(o => context.HoldoutAssignments.Any(h => h.CampaignId == campaign && h.CustomerId == o.CustomerId))
            : orders;
    }

    private static async Task<Dictionary<long, CustomerOfferSignals>> ReadOrdersAsync(LoyaltyDbContext context, OfferCatalogue catalogue,
        DateTime cutoff, long? audienceOf, CancellationToken cancellationToken)
    {
        var yearAgo = cutoff.AddDays(-365);
        var stats = OrdersBefore(context, cutoff, audienceOf).GroupBy(o => o.CustomerId).Select(g => new
        {
            CustomerId = g.Key,
            Last = g.Max(o => o.OrderedAt),
            Orders = g.Count(),
            Spend = g.Sum(o => (double)o.Total),
            Orders365 = g.Count(o => o.OrderedAt >= yearAgo),
            Spend365 = g.Sum(o => o.OrderedAt >= yearAgo ? (double)o.Total : 0.0),
        });
        var signals = new Dictionary<long, CustomerOfferSignals>();
        await foreach (var s in stats.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            signals[s.CustomerId] = new CustomerOfferSignals(s.CustomerId, catalogue.Categories.Count)
            {
                LastOrderAt = s.Last,
                Orders = s.Orders,
                Spend = s.Spend,
                Orders365 = s.Orders365,
                Spend365 = s.Spend365,
            };
        }
        return signals;
    }

    private static async Task ReadCategorySpendAsync(LoyaltyDbContext context, OfferCatalogue catalogue, NextBestOfferOptions options,
        DateTime cutoff, long? audienceOf, Dictionary<long, CustomerOfferSignals> signals, CancellationToken cancellationToken)
    {
        var (e0, e1, e2, e3, e4, e5) = (cutoff.AddDays(-BandEnds[0]), cutoff.AddDays(-BandEnds[1]), cutoff.AddDays(-BandEnds[2]),
            cutoff.AddDays(-BandEnds[3]), cutoff.AddDays(-BandEnds[4]), cutoff.AddDays(-BandEnds[5]));
        var spends =
            from line in context.OrderLines
            join order in OrdersBefore(context, cutoff, audienceOf) on line.OrderId equals order.Id
            join product in context.Products on line.ProductId equals product.Id
            let band = order.OrderedAt >= e0 ? 0
                : order.OrderedAt >= e1 ? 1
                : order.OrderedAt >= e2 ? 2
                : order.OrderedAt >= e3 ? 3
                : order.OrderedAt >= e4 ? 4
                : order.OrderedAt >= e5 ? 5
                : 6
            group (double)line.LineTotal by new { order.CustomerId, product.CategoryId, Band = band } into g
            select new { g.Key.CustomerId, g.Key.CategoryId, g.Key.Band, Spend = g.Sum() };

        var weights = BandAges.Select(age => Math.Pow(0.5, age / options.HalfLifeDays)).ToArray();
        await foreach (var s in spends.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!signals.TryGetValue(s.CustomerId, out var customer) || !catalogue.TryGetColumn(s.CategoryId, out var column))
                continue;
            customer.WeightedSpend[column] += weights[s.Band] * s.Spend;
            if (s.Band < RecentBands)
                customer.RecentSpend[column] += s.Spend;
            else if (s.Band < BandEnds.Length)
                customer.EarlierSpend[column] += s.Spend;
        }
    }

    private static async Task ReadViewsAsync(LoyaltyDbContext context, NextBestOfferOptions options, DateTime cutoff, long? audienceOf,
        Dictionary<long, CustomerOfferSignals> signals, CancellationToken cancellationToken)
    {
        if (options.MaximumViewedProducts == 0)
            return;
        var viewsFrom = cutoff.AddDays(-options.ViewWindowDays);
        var minimum = options.MinimumViews;
        var bought =
            from line in context.OrderLines
            join order in context.Orders on line.OrderId equals order.Id
            where order.OrderedAt >= viewsFrom && order.OrderedAt < cutoff
            select new { order.CustomerId, line.ProductId };
        var events = context.InteractionEvents.Where(e => e.Type == InteractionType.ProductView && e.ProductId != null
            && e.OccurredAt >= viewsFrom && e.OccurredAt < cutoff);
        if (audienceOf is { } campaign)
            events = events.Where(e => context.HoldoutAssignments.Any(h => h.CampaignId == campaign && h.CustomerId == e.CustomerId));
        var viewed = events
            .Where(e => !bought.Any(b => b.CustomerId == e.CustomerId && b.ProductId == e.ProductId))
            .GroupBy(e => new { e.CustomerId, e.ProductId })
            .Where(g => g.Count() >= minimum)
            .Select(g => new { g.Key.CustomerId, ProductId = g.Key.ProductId!.Value, Views = g.Count() });
        await foreach (var v in viewed.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (signals.TryGetValue(v.CustomerId, out var customer))
                customer.Viewed.Add((v.ProductId, v.Views));
        }
        foreach (var customer in signals.Values)
        {
            if (customer.Viewed.Count > 1)
                customer.Viewed.Sort((a, b) => b.Views != a.Views ? b.Views.CompareTo(a.Views) : a.ProductId.CompareTo(b.ProductId));
        }
    }

    private static async Task ReadConsentAsync(LoyaltyDbContext context, long? audienceOf, Dictionary<long, CustomerOfferSignals> signals,
        CancellationToken cancellationToken)
    {
        // Consent is today's: it says whether we may contact the customer now, whatever the cut-off of the scores.
        var customers = context.Customers.AsQueryable();
        if (audienceOf is { } campaign)
            customers = customers.Where(c => context.HoldoutAssignments.Any(h => h.CampaignId == campaign && h.CustomerId == c.Id));
        var consents = customers.Select(c => new { c.Id, Contactable = c.Consent.Email || c.Consent.Sms || c.Consent.Push });
        await foreach (var c in consents.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (signals.TryGetValue(c.Id, out var customer))
                customer.Contactable = c.Contactable;
        }
    }
}

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
    /// <summary>
    /// Upper ends (days before the cut-off) of the age bands of spend; a last band holds everything older. The first three
    /// bands are the last 90 days (the "recent" window of a rising category), the next three the 275 days before it.
    /// </summary>
    private static readonly int[] BandEnds = [30, 60, 90, 180, 270, 365];

    /// <summary>
    /// The age in days at which each band's spend is weighted: the middle of the band, and 365 for the open-ended oldest band
    /// (the most such spend can weigh). Shares divide weights out, so the oldest band only matters beside younger spend.
    /// </summary>
    private static readonly double[] BandAges = [15, 45, 75, 135, 225, 317.5, 365];

    /// <summary>
    /// Signals of every customer with at least one order before <paramref name="cutoff"/>; when <paramref name="audienceOf"/>
    /// is set, only of the customers assigned (treated or held out) to that campaign.
    /// </summary>
    /// <remarks>
    /// After the order statistics (which decide who is in), the other three queries run at once on connections of their
    /// own: each fills its own fields of the signals, and SQLite and SQL Server both serve concurrent readers.
    /// </remarks>
    public static async Task<Dictionary<long, CustomerOfferSignals>> ReadAsync(IDbContextFactory<LoyaltyDbContext> contexts,
        OfferCatalogue catalogue, NextBestOfferOptions options, DateTime cutoff, long? audienceOf, CancellationToken cancellationToken)
    {
        Dictionary<long, CustomerOfferSignals> signals;
        await using (var context = await OpenAsync(contexts, cancellationToken))
            signals = await ReadOrdersAsync(context, catalogue, cutoff, audienceOf, cancellationToken);
        if (signals.Count == 0)
            return signals;
        await Task.WhenAll(
            Task.Run(() => WithContextAsync(contexts, c => ReadCategorySpendAsync(c, catalogue, options, cutoff, audienceOf, signals, cancellationToken), cancellationToken), cancellationToken),
            Task.Run(() => WithContextAsync(contexts, c => ReadViewsAsync(c, options, cutoff, audienceOf, signals, cancellationToken), cancellationToken), cancellationToken),
            Task.Run(() => WithContextAsync(contexts, c => ReadConsentAsync(c, audienceOf, signals, cancellationToken), cancellationToken), cancellationToken));
        return signals;
    }

    private static async Task<LoyaltyDbContext> OpenAsync(IDbContextFactory<LoyaltyDbContext> contexts, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }

    private static async Task WithContextAsync(IDbContextFactory<LoyaltyDbContext> contexts, Func<LoyaltyDbContext, Task> read,
        CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(contexts, cancellationToken);
        await read(context);
    }

    // A campaign's audience is reached through its assignments (unique per customer and campaign), so the database seeks each
    // member's rows by customer instead of scanning every row and testing membership.
    private static IQueryable<Domain.Sales.Order> OrdersBefore(LoyaltyDbContext context, DateTime cutoff, long? audienceOf) =>
        audienceOf is { } campaign
            ? from h in context.HoldoutAssignments
              where h.CampaignId == campaign
              join o in context.Orders on h.CustomerId equals o.CustomerId
              where o.OrderedAt < cutoff
              select o
            : context.Orders.Where(o => o.OrderedAt < cutoff);

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
        var w = BandAges.Select(age => Math.Pow(0.5, age / options.HalfLifeDays)).ToArray();
        var (w0, w1, w2, w3, w4, w5, w6) = (w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
        var spends =
            from line in context.OrderLines
            join order in OrdersBefore(context, cutoff, audienceOf) on line.OrderId equals order.Id
            join product in context.Products on line.ProductId equals product.Id
            let weight = order.OrderedAt >= e0 ? w0
                : order.OrderedAt >= e1 ? w1
                : order.OrderedAt >= e2 ? w2
                : order.OrderedAt >= e3 ? w3
                : order.OrderedAt >= e4 ? w4
                : order.OrderedAt >= e5 ? w5
                : w6
            group new { Spend = (double)line.LineTotal, Weight = weight, Recent = order.OrderedAt >= e2, Earlier = order.OrderedAt < e2 && order.OrderedAt >= e5 }
                by new { order.CustomerId, product.CategoryId } into g
            select new
            {
                g.Key.CustomerId,
                g.Key.CategoryId,
                Weighted = g.Sum(x => x.Weight * x.Spend),
                Recent = g.Sum(x => x.Recent ? x.Spend : 0.0),
                Earlier = g.Sum(x => x.Earlier ? x.Spend : 0.0),
            };

        await foreach (var s in spends.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!signals.TryGetValue(s.CustomerId, out var customer) || !catalogue.TryGetColumn(s.CategoryId, out var column))
                continue;
            customer.WeightedSpend[column] = s.Weighted;
            customer.RecentSpend[column] = s.Recent;
            customer.EarlierSpend[column] = s.Earlier;
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
        var events = audienceOf is { } campaign
            ? from h in context.HoldoutAssignments
              where h.CampaignId == campaign
              join e in context.InteractionEvents on h.CustomerId equals e.CustomerId
              select e
            : context.InteractionEvents;
        events = events.Where(e => e.Type == InteractionType.ProductView && e.ProductId != null
            && e.OccurredAt >= viewsFrom && e.OccurredAt < cutoff);
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
        var customers = audienceOf is { } campaign
            ? from h in context.HoldoutAssignments
              where h.CampaignId == campaign
              join c in context.Customers on h.CustomerId equals c.Id
              select c
            : context.Customers;
        var consents = customers.Select(c => new { c.Id, Contactable = c.Consent.Email || c.Consent.Sms || c.Consent.Push });
        await foreach (var c in consents.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (signals.TryGetValue(c.Id, out var customer))
                customer.Contactable = c.Contactable;
        }
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

public sealed partial class SegmentExplorerService
{
    /// <remarks>
    /// Two grouped queries over the members' orders in [cut-off − 365 days, cut-off), the same window as the features'
    /// spend_365: orders are found through the (customer, ordered at) index, lines through the order index, and only the
    /// groups (a product or channel each) come back. Products are few, so they are folded into categories here.
    /// </remarks>
    public async Task<SegmentPurchaseMix> GetPurchaseMixAsync(long segmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await ExplorerRuns.FindAsync(db, cancellationToken);
        if (runs is null)
            return SegmentPurchaseMix.Empty;
        var kind = await db.Segments.Where(s => s.Id == segmentId).Select(s => (SegmentKind?)s.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is null)
            return SegmentPurchaseMix.Empty;

        var cutoff = runs.Current.Cutoff;
        var from = cutoff.AddDays(-PurchaseWindowDays);
        var members = MembersOf(db, runs.Current.Id, kind.Value, segmentId).Select(s => s.CustomerId);
        var orders = db.Orders.AsNoTracking()
            .Where(o => o.OrderedAt >= from && o.OrderedAt < cutoff)
            .Join(members, o => o.CustomerId, id => id, (o, _) => o);

        var channels = await orders
            .GroupBy(o => o.Channel)
            .Select(g => new { Channel = g.Key, Revenue = g.Sum(o => o.Total), Orders = g.Count() })
            .ToListAsync(cancellationToken);
        var products = await orders
            .Join(db.OrderLines, o => o.Id, l => l.OrderId, (_, l) => l)
            .GroupBy(l => l.ProductId)
            .Select(g => new { ProductId = g.Key, Revenue = g.Sum(l => l.LineTotal), Lines = g.Count() })
            .ToListAsync(cancellationToken);

        var productIds = products.Select(p => p.ProductId).ToList();
        var categoryOf = productIds.Count == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
                .Join(db.Categories, p => p.CategoryId, c => c.Id, (p, c) => new { p.Id, c.Name })
                .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var categories = products
            .GroupBy(p => categoryOf.GetValueOrDefault(p.ProductId, "Other"))
            .Select(g => new MixEntry(g.Key, g.Sum(p => p.Revenue), g.Sum(p => p.Lines)))
            .OrderByDescending(c => c.Revenue).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new SegmentPurchaseMix(categories,
            [.. channels.Select(c => new MixEntry(ChannelNames.Of(c.Channel), c.Revenue, c.Orders))
                .OrderByDescending(c => c.Revenue).ThenBy(c => c.Name, StringComparer.Ordinal)]);
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// The feature builder over the loyalty database: one streaming pass over the orders (in customer and time order)
/// and a few grouped queries for category spend, events, support contacts, points and offers, each restricted to
/// rows before the cut-off and run on its own connection alongside the others. LINQ only, so SQLite and SQL Server
/// run the same code. Given customer ids are queried a thousand at a time.
/// </summary>
public sealed class SqlFeatureBuilder(IDbContextFactory<LoyaltyDbContext> contextFactory) : IFeatureBuilder
{
    // Below SQL Server's 2,100 parameters even after EF Core pads the list of ids.
    private const int IdsPerQuery = 1000;

    /// <inheritdoc />
    public async Task<FeatureTable> BuildAsync(DateTime cutoff, IReadOnlyCollection<long>? customerIds = null,
        CancellationToken cancellationToken = default)
    {
        var windows = new FeatureWindows(cutoff);
        CategoryColumns categories;
        await using (var context = await OpenAsync(cancellationToken))
            categories = await CategoryColumns.LoadAsync(context, cancellationToken);
        IReadOnlyList<string> names = [.. FeatureNames.Fixed, .. categories.Names];
        var rows = new FeatureRows(names.Count);

        if (customerIds is null)
        {
            await AddCustomersAsync(windows, categories, null, rows, cancellationToken);
        }
        else
        {
            var sorted = customerIds.Distinct().Order().ToArray();
            foreach (var chunk in sorted.Chunk(IdsPerQuery))
                await AddCustomersAsync(windows, categories, chunk, rows, cancellationToken);
        }
        return new FeatureTable(windows.Cutoff, names, rows.Ids, rows.Values);
    }

    /// <summary>
    /// Appends the rows of the customers in <paramref name="scope"/> (all when null) who bought before the cut-off.
    /// The grouped queries run on their own connections while the order pass streams, so that a multi-core machine
    /// builds in about the time of the longest query; their results are written into the rows once the rows exist.
    /// </summary>
    private async Task AddCustomersAsync(FeatureWindows windows, CategoryColumns categories, long[]? scope,
        FeatureRows rows, CancellationToken cancellationToken)
    {
        var first = rows.Count;
        // Task.Run because SQLite's "async" reads complete synchronously: without it nothing would overlap.
        var purchases = Task.Run(() => AddPurchasesAsync(windows, scope, rows, cancellationToken), cancellationToken);
        Task<ApplyToRows>[] readers =
        [
            Task.Run(() => ReadCategorySpendAsync(windows, categories, scope, cancellationToken), cancellationToken),
            Task.Run(() => ReadEngagementAsync(windows, scope, cancellationToken), cancellationToken),
            Task.Run(() => ReadSupportAsync(windows, scope, cancellationToken), cancellationToken),
            Task.Run(() => ReadPointsAsync(windows, scope, cancellationToken), cancellationToken),
            Task.Run(() => ReadOffersAsync(windows, scope, cancellationToken), cancellationToken),
        ];
        await Task.WhenAll([purchases, .. readers]);
        foreach (var reader in readers)
            (await reader)(rows, first);
    }

    /// <summary>Writes what a grouped query read into the rows [<c>first</c>, Count) of its customers.</summary>
    private delegate void ApplyToRows(FeatureRows rows, int first);

    /// <summary>Sets the feature values of one customer's row from one item a grouped query read.</summary>
    private delegate void SetValues<in T>(T item, Span<float> values);

    /// <summary>Hands each item to <paramref name="set"/> with its customer's row; items of customers without a row are skipped.</summary>
    private static void ApplyEach<T>(FeatureRows rows, int first, List<T> read, Func<T, long> customerOf, SetValues<T> set)
    {
        foreach (var item in read)
        {
            var row = rows.Find(customerOf(item), first);
            if (row >= 0)
                set(item, rows.Row(row));
        }
    }

    private async Task<LoyaltyDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }

    private async Task AddPurchasesAsync(FeatureWindows windows, long[]? scope, FeatureRows rows, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(cancellationToken);
        var cutoff = windows.Cutoff;
        var customers = context.Customers.AsQueryable();
        var orders = context.Orders.Where(o => o.OrderedAt < cutoff);
        if (scope is not null)
        {
            customers = customers.Where(c => scope.Contains(c.Id));
            orders = orders.Where(o => scope.Contains(o.CustomerId));
        }
        var signups = await customers.Select(c => new { c.Id, c.SignupDate })
            .ToDictionaryAsync(c => c.Id, c => c.SignupDate, cancellationToken);

        var history = new PurchaseHistory(windows);
        var current = -1L;
        // The query is LINQ; its rows are read from the data reader so that the order time can be read by StoredDateTime.
        var query = orders.OrderBy(o => o.CustomerId).ThenBy(o => o.OrderedAt)
            .Select(o => new { o.CustomerId, o.OrderedAt, o.Channel, Total = (double)o.Total, Discount = (double)o.DiscountTotal });
        var dates = new StoredDateTime(context.Database.IsSqlite());
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var command = query.CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customerId = reader.GetInt64(0);
            if (customerId != current)
            {
                if (history.Orders > 0)
                    Finish(current);
                current = customerId;
                history.Reset();
            }
            history.Add(dates.Read(reader, 1), Enum.Parse<SalesChannel>(reader.GetString(2)), reader.GetDouble(3), reader.GetDouble(4));
        }
        if (history.Orders > 0)
            Finish(current);

        void Finish(long customerId)
        {
            var row = rows.Append(customerId);
            history.WriteTo(rows.Row(row), signups.TryGetValue(customerId, out var signup) ? signup : null);
        }
    }

    private async Task<ApplyToRows> ReadCategorySpendAsync(FeatureWindows windows, CategoryColumns categories, long[]? scope,
        CancellationToken cancellationToken)
    {
        if (categories.Count == 0)
            return (_, _) => { };
        await using var context = await OpenAsync(cancellationToken);
        var (from, recentFrom, cutoff) = (windows.Days365, windows.Days90, windows.Cutoff);
        var orders = context.Orders.Where(o => o.OrderedAt >= from && o.OrderedAt < cutoff);
        if (scope is not null)
            orders = orders.Where(o => scope.Contains(o.CustomerId));
        var spends = await (
            from line in context.OrderLines
            join order in orders on line.OrderId equals order.Id
            join product in context.Products on line.ProductId equals product.Id
            group (double)line.LineTotal by new { order.CustomerId, product.CategoryId, Recent = order.OrderedAt >= recentFrom } into g
            select new { g.Key.CustomerId, g.Key.CategoryId, g.Key.Recent, Spend = g.Sum() }).ToListAsync(cancellationToken);

        return (rows, first) =>
        {
            // Per row: the spend per category in the 275 days before the last 90, then in the last 90.
            var k = categories.Count;
            var spend = new double[(rows.Count - first) * k * 2];
            foreach (var s in spends)
            {
                var row = rows.Find(s.CustomerId, first);
                if (row < 0 || !categories.TryGetColumn(s.CategoryId, out var column))
                    continue;
                spend[((row - first) * k * 2) + (s.Recent ? k : 0) + column] += s.Spend;
            }
            var total = new double[k];
            for (var row = first; row < rows.Count; row++)
            {
                var earlier = spend.AsSpan((row - first) * k * 2, k);
                var recent = spend.AsSpan(((row - first) * k * 2) + k, k);
                for (var c = 0; c < k; c++)
                    total[c] = earlier[c] + recent[c];
                var values = rows.Row(row);
                CategoryMix.Shares(total, values.Slice(FeatureColumns.FirstCategoryShare, k));
                values[FeatureColumns.CategoryShift] = (float)CategoryMix.JensenShannonDistance(recent, earlier);
            }
        };
    }

    private async Task<ApplyToRows> ReadEngagementAsync(FeatureWindows windows, long[]? scope, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(cancellationToken);
        var (from, recentFrom, cutoff) = (windows.Days56, windows.Days28, windows.Cutoff);
        var events = context.InteractionEvents.Where(e => e.OccurredAt >= from && e.OccurredAt < cutoff
            && (e.Type == InteractionType.AppOpen || e.Type == InteractionType.ProductView
                || e.Type == InteractionType.CartAdd || e.Type == InteractionType.CheckoutStep));
        if (scope is not null)
            events = events.Where(e => scope.Contains(e.CustomerId));
        var counts = events.GroupBy(e => e.CustomerId).Select(g => new
        {
            CustomerId = g.Key,
            AppOpens = g.Count(e => e.Type == InteractionType.AppOpen && e.OccurredAt >= recentFrom),
            AppOpensBefore = g.Count(e => e.Type == InteractionType.AppOpen && e.OccurredAt < recentFrom),
            Browsing = g.Count(e => e.Type != InteractionType.AppOpen && e.OccurredAt >= recentFrom),
            BrowsingBefore = g.Count(e => e.Type != InteractionType.AppOpen && e.OccurredAt < recentFrom),
        });
        var read = await counts.ToListAsync(cancellationToken);
        return (rows, first) => ApplyEach(rows, first, read, c => c.CustomerId, (c, values) =>
        {
            values[FeatureColumns.AppOpens28] = c.AppOpens;
            values[FeatureColumns.AppOpensTrend] = (float)FeatureWindows.Trend(c.AppOpens, c.AppOpensBefore);
            values[FeatureColumns.Browsing28] = c.Browsing;
            values[FeatureColumns.BrowsingTrend] = (float)FeatureWindows.Trend(c.Browsing, c.BrowsingBefore);
        });
    }

    private async Task<ApplyToRows> ReadSupportAsync(FeatureWindows windows, long[]? scope, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(cancellationToken);
        var (from, cutoff) = (windows.Days365, windows.Cutoff);
        var contacts = context.SupportContacts.Where(s => s.OpenedAt >= from && s.OpenedAt < cutoff);
        if (scope is not null)
            contacts = contacts.Where(s => scope.Contains(s.CustomerId));
        // Bad outcomes are the ones SupportContact.IsBadExperience names; that property is not mapped, so it is spelt out here.
        var counts = contacts.GroupBy(s => s.CustomerId).Select(g => new
        {
            CustomerId = g.Key,
            Contacts = g.Count(),
            Bad = g.Count(s => s.Outcome == SupportOutcome.Unresolved || s.Outcome == SupportOutcome.ResolvedLate),
            Delivery = g.Count(s => s.Topic == SupportTopic.Delivery),
        });
        var read = await counts.ToListAsync(cancellationToken);
        return (rows, first) => ApplyEach(rows, first, read, c => c.CustomerId, (c, values) =>
        {
            values[FeatureColumns.SupportContacts365] = c.Contacts;
            values[FeatureColumns.SupportBadOutcomes365] = c.Bad;
            values[FeatureColumns.DeliveryComplaints365] = c.Delivery;
        });
    }

    private async Task<ApplyToRows> ReadPointsAsync(FeatureWindows windows, long[]? scope, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(cancellationToken);
        var (from, cutoff) = (windows.Days365, windows.Cutoff);
        var entries = context.PointsLedger.Where(p => p.OccurredAt < cutoff);
        if (scope is not null)
            entries = entries.Where(p => scope.Contains(p.CustomerId));
        var sums = entries.GroupBy(p => p.CustomerId).Select(g => new
        {
            CustomerId = g.Key,
            Balance = g.Sum(p => p.Points),
            Redemptions = g.Count(p => p.Type == PointsEntryType.Redeem && p.OccurredAt >= from),
        });
        var read = await sums.ToListAsync(cancellationToken);
        return (rows, first) => ApplyEach(rows, first, read, s => s.CustomerId, (s, values) =>
        {
            values[FeatureColumns.PointsBalance] = s.Balance;
            values[FeatureColumns.Redemptions365] = s.Redemptions;
        });
    }

    private async Task<ApplyToRows> ReadOffersAsync(FeatureWindows windows, long[]? scope, CancellationToken cancellationToken)
    {
        await using var context = await OpenAsync(cancellationToken);
        var (from, cutoff) = (windows.Days365, windows.Cutoff);
        var offers = context.Offers.Where(o => o.DeliveredAt >= from && o.DeliveredAt < cutoff);
        if (scope is not null)
            offers = offers.Where(o => scope.Contains(o.CustomerId));
        // An offer's status is today's; only a redemption time before the cut-off says it was redeemed by then.
        var counts = offers.GroupBy(o => o.CustomerId).Select(g => new
        {
            CustomerId = g.Key,
            Received = g.Count(),
            Redeemed = g.Count(o => o.RedeemedAt < cutoff),
        });
        var read = await counts.ToListAsync(cancellationToken);
        return (rows, first) => ApplyEach(rows, first, read, c => c.CustomerId, (c, values) =>
        {
            values[FeatureColumns.OffersReceived365] = c.Received;
            values[FeatureColumns.OfferResponseRate] = c.Received > 0 ? (float)c.Redeemed / c.Received : 0f;
        });
    }
}

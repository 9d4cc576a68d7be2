using System.Globalization;
using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Lifetime;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>Builds the BG/NBD summaries of customers at a cut-off from the orders table, streamed (no query per customer).</summary>
public static class PurchaseSummaries
{
    /// <summary>Summaries of every customer with an order before <paramref name="cutoff"/> (or of <paramref name="customerIds"/> only), keyed by customer id.</summary>
    public static async Task<Dictionary<long, CustomerSummary>> LoadAsync(LoyaltyDbContext db, DateTime cutoff, double periodDays,
        IReadOnlyCollection<long>? customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var orders = db.Orders.AsNoTracking().Where(o => o.OrderedAt < cutoff);
        if (customerIds is not null)
            orders = orders.Where(o => customerIds.Contains(o.CustomerId));
        var purchases = new List<CustomerPurchase>();
        // Read from the data reader so that the order time is read by StoredDateTime (fast on SQLite's stored text).
        var dates = new StoredDateTime(db.Database.IsSqlite());
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using (var command = orders.Select(o => new { o.CustomerId, o.OrderedAt, o.Total }).CreateDbCommand())
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                purchases.Add(new CustomerPurchase(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), dates.Read(reader, 1),
                    (double)reader.GetDecimal(2)));
        }
        // The builder's end date is inclusive: the last day before the cut-off.
        var summaries = new CustomerSummaryBuilder(periodDays, DateOnly.FromDateTime(cutoff.AddDays(-1))).Build(purchases);
        return summaries.ToDictionary(s => long.Parse(s.Id, CultureInfo.InvariantCulture));
    }
}

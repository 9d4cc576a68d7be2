using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Queries;
using LoyaltyStudio.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Home;

/// <summary>Builds the home page's view model.</summary>
public interface IHomeDashboardService
{
    Task<HomeDashboard> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Computes the home KPIs with aggregate queries (COUNT, SUM, GROUP BY in the database): no order or
/// ledger row is loaded into memory. "Today" comes from <see cref="TimeProvider"/> so tests can fix it.
/// </summary>
public sealed class HomeDashboardService(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock) : IHomeDashboardService
{
    public async Task<HomeDashboard> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var windowStart = today.AddDays(-(HomeDashboard.WindowDays - 1));
        var from = windowStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var until = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var customers = await db.Customers.CountAsync(cancellationToken);

        var windowOrders = db.Orders.Where(o => o.OrderedAt >= from && o.OrderedAt < until);
        var active = await windowOrders.Select(o => o.CustomerId).Distinct().CountAsync(cancellationToken);
        var revenue = await windowOrders.SumAsync(o => o.Total, cancellationToken);

        var liability = await db.PointsLiabilityAsync(cancellationToken);

        // All the data's months: from the beginning of the calendar up to the end of today.
        var monthly = await db.MonthlyRevenueByChannel(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), until)
            .ToListAsync(cancellationToken);

        return new HomeDashboard(today, windowStart, customers, active, revenue, liability,
            ToMonths(monthly.Select(m => (m.Year, m.Month, m.Channel, m.Revenue))));
    }

    /// <summary>Every month from the first to the last with orders, so the chart has no silent gaps.</summary>
    private static List<RevenueMonth> ToMonths(IEnumerable<(int Year, int Month, SalesChannel Channel, decimal Revenue)> rows)
    {
        var byMonth = rows
            .GroupBy(r => new DateOnly(r.Year, r.Month, 1))
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Channel, r => r.Revenue));
        if (byMonth.Count == 0)
            return [];

        var result = new List<RevenueMonth>();
        var last = byMonth.Keys.Max();
        for (var month = byMonth.Keys.Min(); month <= last; month = month.AddMonths(1))
        {
            var channels = byMonth.TryGetValue(month, out var found) ? found : [];
            result.Add(new RevenueMonth(month.Year, month.Month, channels));
        }
        return result;
    }
}

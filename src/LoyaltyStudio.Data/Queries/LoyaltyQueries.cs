using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Queries;

/// <summary>Revenue of one calendar month (UTC) through one channel.</summary>
public sealed record MonthlyChannelRevenue(int Year, int Month, SalesChannel Channel, decimal Revenue, int Orders);

/// <summary>
/// The lookups and aggregates the pages lean on, written once so that both providers run the same SQL shape
/// and the tests can check they translate on SQL Server and give the right numbers on SQLite.
/// Each returns a query, so callers add paging or materialise it as they need.
/// </summary>
public static class LoyaltyQueries
{
    /// <summary>Customers with exactly this e-mail address (uses the e-mail index).</summary>
    public static IQueryable<Customer> CustomersByEmail(this LoyaltyDbContext db, string email)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = (email ?? "").Trim();
        return db.Customers.AsNoTracking().Where(c => c.Email == normalized);
    }

    /// <summary>Customers whose last name starts with <paramref name="lastNamePrefix"/>, ordered by name (uses the name index).</summary>
    public static IQueryable<Customer> CustomersByName(this LoyaltyDbContext db, string lastNamePrefix, string? firstNamePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = (lastNamePrefix ?? "").Trim();
        var first = firstNamePrefix?.Trim();
        var query = db.Customers.AsNoTracking().Where(c => c.LastName.StartsWith(last));
        if (!string.IsNullOrEmpty(first))
            query = query.Where(c => c.FirstName.StartsWith(first));
        return query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id);
    }

    /// <summary>A customer's orders in [<paramref name="from"/>, <paramref name="to"/>), newest first.</summary>
    public static IQueryable<Order> OrdersOfCustomer(this LoyaltyDbContext db, long customerId, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && o.OrderedAt >= from && o.OrderedAt < to)
            .OrderByDescending(o => o.OrderedAt).ThenByDescending(o => o.Id);
    }

    /// <summary>Revenue per calendar month and channel for orders in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static IQueryable<MonthlyChannelRevenue> MonthlyRevenueByChannel(this LoyaltyDbContext db, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Orders.AsNoTracking()
            .Where(o => o.OrderedAt >= from && o.OrderedAt < to)
            .GroupBy(o => new { o.OrderedAt.Year, o.OrderedAt.Month, o.Channel })
            // Sorted before the projection: EF Core cannot see through a record's constructor to sort on its members.
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.Channel)
            .Select(g => new MonthlyChannelRevenue(g.Key.Year, g.Key.Month, g.Key.Channel, g.Sum(o => o.Total), g.Count()));
    }

    /// <summary>One customer's points balance: the sum of the ledger (zero without entries).</summary>
    public static Task<int> PointsBalanceAsync(this LoyaltyDbContext db, long customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PointsLedger.Where(p => p.CustomerId == customerId).SumAsync(p => p.Points, cancellationToken);
    }

    /// <summary>Points held by all customers together: what the programme owes.</summary>
    public static Task<long> PointsLiabilityAsync(this LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PointsLedger.SumAsync(p => (long)p.Points, cancellationToken);
    }

    /// <summary>The scores of the current scoring run (empty when no run is current yet), highest churn risk first.</summary>
    public static IQueryable<CustomerScore> CurrentScores(this LoyaltyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CustomerScores.AsNoTracking()
            .Where(s => db.ScoringRuns.Any(r => r.IsCurrent && r.Id == s.ScoringRunId))
            .OrderByDescending(s => s.ChurnProbability).ThenBy(s => s.CustomerId);
    }

    /// <summary>The scores of the latest succeeded scoring run, highest churn risk first.</summary>
    public static IQueryable<CustomerScore> LatestScores(this LoyaltyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One statement: the latest run is a subquery, not a separate round trip.
        return db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == db.ScoringRuns
                .Where(r => r.Status == ScoringRunStatus.Succeeded)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .Select(r => r.Id)
                .FirstOrDefault())
            .OrderByDescending(s => s.ChurnProbability).ThenBy(s => s.CustomerId);
    }
}

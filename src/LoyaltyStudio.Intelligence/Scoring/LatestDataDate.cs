using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// The natural cut-off of the data in the database: midnight after the day of the latest order. Scoring "now" on data
/// that ended earlier (an import, a simulation) would make every customer look lapsed.
/// </summary>
public static class LatestDataDate
{
    public static async Task<DateTime> FindAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.Orders.MaxAsync(o => (DateTime?)o.OrderedAt, cancellationToken)
            ?? throw new ScoringNotReadyException("The database holds no orders: import or seed data first (loyalty import / loyalty seed).");
        return DateTime.SpecifyKind(latest.Date.AddDays(1), DateTimeKind.Utc);
    }
}

using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>Churn labels from the orders table, in one grouped query (no query per customer).</summary>
public sealed class OrderChurnLabelSource(IDbContextFactory<LoyaltyDbContext> contextFactory) : IChurnLabelSource
{
    public async Task<ChurnLabels> LoadAsync(DateTime cutoff, int horizonDays, CancellationToken cancellationToken = default)
    {
        if (horizonDays < 1)
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "The churn horizon must be at least one day.");
        var windowEnd = cutoff.AddDays(horizonDays);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Orders after the window are never read; a customer is in the set when one order lies before the cut-off,
        // and churned when none lies in [cutoff, windowEnd).
        var rows = await context.Orders
            .AsNoTracking()
            .Where(o => o.OrderedAt < windowEnd)
            .GroupBy(o => o.CustomerId)
            .Select(g => new
            {
                CustomerId = g.Key,
                Before = g.Count(o => o.OrderedAt < cutoff),
                After = g.Count(o => o.OrderedAt >= cutoff),
            })
            .Where(r => r.Before > 0)
            .OrderBy(r => r.CustomerId)
            .ToListAsync(cancellationToken);
        return new ChurnLabels(cutoff, horizonDays, rows.ConvertAll(r => r.CustomerId), rows.ConvertAll(r => r.After == 0));
    }
}

using LoyaltyStudio.Domain.Audit;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LoyaltyStudio.Data;

/// <summary>
/// Refuses to save a change to, or a deletion of, a points ledger entry or an audit entry: both are
/// append-only records, corrected by adding a new entry, never by rewriting history.
/// </summary>
public sealed class AppendOnlyGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted))
                continue;
            var what = entry.Entity switch
            {
                PointsLedgerEntry p => $"points ledger entry {p.Id} of customer {p.CustomerId}",
                AuditEntry a => $"audit entry {a.Id} ({a.Action} by {a.Actor})",
                _ => null,
            };
            if (what is null)
                continue;
            var verb = entry.State == EntityState.Deleted ? "deleted" : "changed";
            var remedy = entry.Entity is PointsLedgerEntry
                ? "Correct the balance with an adjustment entry instead."
                : "Record what happened in a new audit entry instead.";
            throw new AppendOnlyViolationException($"The {what} cannot be {verb}: the record is append-only. {remedy}");
        }
    }
}

/// <summary>Someone tried to change or delete an append-only record (points ledger or audit trail).</summary>
public sealed class AppendOnlyViolationException : InvalidOperationException
{
    public AppendOnlyViolationException(string message) : base(message) { }

    public AppendOnlyViolationException(string message, Exception innerException) : base(message, innerException) { }

    public AppendOnlyViolationException() : base("An append-only record cannot be changed or deleted.") { }
}

using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Loyalty;

/// <summary>
/// A customer's points account: an append-only list of entries whose sum is the balance.
/// Every new entry goes through here so that the balance can never go below zero.
/// </summary>
public sealed class PointsLedger
{
    private readonly List<PointsLedgerEntry> _entries;

    public long CustomerId { get; }

    // A read-only view, so callers cannot cast it back to a list and rewrite history.
    public IReadOnlyList<PointsLedgerEntry> Entries => _entries.AsReadOnly();
    public int Balance { get; private set; }

    public PointsLedger(long customerId, IEnumerable<PointsLedgerEntry>? existing = null)
    {
        CustomerId = customerId;
        _entries = [];
        // Stored entries may arrive in any order; keep them chronological so a new entry is checked against the latest.
        foreach (var entry in (existing ?? []).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            if (entry.CustomerId != customerId)
                throw new DomainException($"Ledger entry {entry.Id} belongs to customer {entry.CustomerId}, not {customerId}.");
            _entries.Add(entry);
            Balance += entry.Points;
        }
    }

    /// <summary>Points earned, usually for an order.</summary>
    public PointsLedgerEntry Earn(int points, DateTime at, long? orderId = null, string? note = null)
    {
        if (points <= 0)
            throw new DomainException($"Points earned must be positive, not {points}.");
        return Append(PointsEntryType.Earn, points, at, orderId, note);
    }

    /// <summary>Points spent by the customer. Refused when the balance is too small.</summary>
    public PointsLedgerEntry Redeem(int points, DateTime at, long? orderId = null, string? note = null)
    {
        if (points <= 0)
            throw new DomainException($"Points redeemed must be positive, not {points}.");
        if (points > Balance)
            throw new DomainException($"Cannot redeem {points} points: the balance is only {Balance}.");
        return Append(PointsEntryType.Redeem, -points, at, orderId, note);
    }

    /// <summary>Points that lapsed unused. Never more than the balance.</summary>
    public PointsLedgerEntry Expire(int points, DateTime at, string? note = null)
    {
        if (points <= 0)
            throw new DomainException($"Points expired must be positive, not {points}.");
        if (points > Balance)
            throw new DomainException($"Cannot expire {points} points: the balance is only {Balance}.");
        return Append(PointsEntryType.Expire, -points, at, null, note);
    }

    /// <summary>A manual correction with a reason; it may not take the balance below zero.</summary>
    public PointsLedgerEntry Adjust(int points, DateTime at, string reason)
    {
        if (points == 0)
            throw new DomainException("An adjustment of zero points changes nothing.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("An adjustment needs a reason.");
        if (Balance + points < 0)
            throw new DomainException($"Cannot adjust by {points} points: the balance of {Balance} would go below zero.");
        return Append(PointsEntryType.Adjust, points, at, null, reason);
    }

    private PointsLedgerEntry Append(PointsEntryType type, int points, DateTime at, long? orderId, string? note)
    {
        if (_entries.Count > 0 && at < _entries[^1].OccurredAt)
            throw new DomainException($"A ledger entry at {at:u} cannot come before the last entry at {_entries[^1].OccurredAt:u}.");
        var entry = new PointsLedgerEntry(CustomerId, at, type, points, orderId, note);
        _entries.Add(entry);
        Balance += points;
        return entry;
    }
}

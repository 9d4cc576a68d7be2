namespace LoyaltyStudio.Domain.Loyalty;

/// <summary>
/// One movement of a customer's points. Entries are immutable and never deleted:
/// a mistake is corrected by an <see cref="PointsEntryType.Adjust"/> entry.
/// Create entries through <see cref="PointsLedger"/>, which guards the balance.
/// </summary>
public class PointsLedgerEntry
{
    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public PointsEntryType Type { get; private set; }

    /// <summary>Signed change: positive for earn, negative for redeem and expire, either for adjust.</summary>
    public int Points { get; private set; }
    public long? OrderId { get; private set; }
    public string? Note { get; private set; }

    private PointsLedgerEntry() { }

    internal PointsLedgerEntry(long customerId, DateTime occurredAt, PointsEntryType type, int points, long? orderId, string? note)
    {
        CustomerId = customerId;
        OccurredAt = occurredAt;
        Type = type;
        Points = points;
        OrderId = orderId;
        Note = note;
    }
}

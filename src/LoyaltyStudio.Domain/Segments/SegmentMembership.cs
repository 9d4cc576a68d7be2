namespace LoyaltyStudio.Domain.Segments;

/// <summary>A customer's place in a segment as of one scoring run.</summary>
public class SegmentMembership
{
    public long Id { get; private set; }
    public long ScoringRunId { get; private set; }
    public long SegmentId { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>The segment the customer was in at the previous run (null if new), to record transitions.</summary>
    public long? PreviousSegmentId { get; private set; }

    private SegmentMembership() { }

    public SegmentMembership(long scoringRunId, long segmentId, long customerId, long? previousSegmentId)
    {
        ScoringRunId = scoringRunId;
        SegmentId = segmentId;
        CustomerId = customerId;
        PreviousSegmentId = previousSegmentId;
    }
}

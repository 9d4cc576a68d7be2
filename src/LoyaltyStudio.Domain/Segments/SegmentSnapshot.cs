using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Segments;

/// <summary>One segment's size, averages and profile as of one scoring run: what the segment pages chart over time.</summary>
public class SegmentSnapshot
{
    public long Id { get; private set; }
    public long ScoringRunId { get; private set; }
    public long SegmentId { get; private set; }

    /// <summary>Customers in the segment at this run.</summary>
    public int Members { get; private set; }
    public decimal AverageLifetimeValue { get; private set; }

    /// <summary>Mean churn score (0–100) of the members.</summary>
    public double AverageChurnScore { get; private set; }

    /// <summary>The segment's profile at this run, as JSON.</summary>
    public string ProfileJson { get; private set; } = "{}";

    private SegmentSnapshot() { }

    public SegmentSnapshot(long scoringRunId, long segmentId, int members, decimal averageLifetimeValue,
        double averageChurnScore, string profileJson)
    {
        if (members < 0)
            throw new DomainException($"Segment {segmentId}: a snapshot cannot have {members} members.");
        if (averageLifetimeValue < 0)
            throw new DomainException($"Segment {segmentId}: an average lifetime value cannot be negative ({averageLifetimeValue}).");
        if (averageChurnScore is < 0 or > 100 || double.IsNaN(averageChurnScore))
            throw new DomainException($"Segment {segmentId}: an average churn score lies between 0 and 100, not {averageChurnScore}.");
        if (string.IsNullOrWhiteSpace(profileJson))
            throw new DomainException($"Segment {segmentId}: a snapshot's profile cannot be empty; use {{}} for none.");
        ScoringRunId = scoringRunId;
        SegmentId = segmentId;
        Members = members;
        AverageLifetimeValue = averageLifetimeValue;
        AverageChurnScore = averageChurnScore;
        ProfileJson = profileJson;
    }
}

namespace LoyaltyStudio.Domain.Segments;

/// <summary>How a segment was made.</summary>
public enum SegmentKind
{
    /// <summary>Found by clustering behaviour (k-means).</summary>
    Micro = 0,

    /// <summary>One of the named recency/frequency/monetary segments.</summary>
    Rfm = 1,
}

/// <summary>
/// A group of customers with a stable identity across scoring runs, so that memberships
/// and movements between segments can be followed over time.
/// </summary>
public class Segment
{
    public long Id { get; private set; }
    public SegmentKind Kind { get; private set; }

    /// <summary>Stable key (e.g. "rfm:champions" or "micro:7"); unique per kind.</summary>
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private Segment() { }

    public Segment(SegmentKind kind, string key, string name, string description, DateTime createdAt)
    {
        Kind = kind;
        Key = key;
        Name = name;
        Description = description;
        CreatedAt = createdAt;
    }

    public void Rename(string name, string description)
    {
        Name = name;
        Description = description;
    }
}

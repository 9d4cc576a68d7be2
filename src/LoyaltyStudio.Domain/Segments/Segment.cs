using LoyaltyStudio.Domain.Common;

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

    /// <summary>The latest profile (what sets the segment apart from the population, in numbers) as JSON.</summary>
    public string ProfileJson { get; private set; } = "{}";

    /// <summary>
    /// The standardised centroid and what is needed to match it to the next run's clusters (feature names,
    /// means and spreads used for standardising), as JSON. "{}" for segments defined by rules (RFM).
    /// </summary>
    public string CentroidJson { get; private set; } = "{}";

    /// <summary>When the segment stopped being found (no cluster of a later run matched it); null while it lives.</summary>
    public DateTime? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

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

    /// <summary>Stores the profile and centroid found by the latest run; a retired segment found again lives again.</summary>
    public void UpdateProfile(string profileJson, string centroidJson)
    {
        if (string.IsNullOrWhiteSpace(profileJson))
            throw new DomainException($"Segment '{Key}': a profile cannot be empty; use {{}} for none.");
        if (string.IsNullOrWhiteSpace(centroidJson))
            throw new DomainException($"Segment '{Key}': a centroid cannot be empty; use {{}} for none.");
        ProfileJson = profileJson;
        CentroidJson = centroidJson;
        RetiredAt = null;
    }

    /// <summary>Marks the segment as no longer found; its history (memberships, snapshots) stays.</summary>
    public void Retire(DateTime at)
    {
        if (RetiredAt is { } retired)
            throw new DomainException($"Segment '{Key}' was already retired on {retired:yyyy-MM-dd}.");
        if (at < CreatedAt)
            throw new DomainException($"Segment '{Key}' cannot be retired ({at:yyyy-MM-dd}) before it was created ({CreatedAt:yyyy-MM-dd}).");
        RetiredAt = at;
    }
}

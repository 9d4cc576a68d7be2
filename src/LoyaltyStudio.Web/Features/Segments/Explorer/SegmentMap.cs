using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>A scoring run as the segment pages name it: its id, cut-off date and kind.</summary>
public sealed record ExplorerRun(long Id, DateTime Cutoff, ScoringRunKind Kind);

/// <summary>The micro-segments of the current run beside the previous full run: what the map and its table show.</summary>
/// <remarks>
/// <para><c>Current</c>: The run the pages read.</para>
/// <para><c>Previous</c>: The full run before it, the baseline for every "since the last run"; null after the first run.</para>
/// <para><c>ScoredCustomers</c>: Customers the current run scored: the whole that shares are taken of.</para>
/// <para><c>Segments</c>: Live segments, largest first, then those retired since the previous run.</para>
/// </remarks>
public sealed record SegmentMap(ExplorerRun Current, ExplorerRun? Previous, int ScoredCustomers, IReadOnlyList<SegmentMapRow> Segments)
{
    /// <summary>The segments the current run found (retired ones left out): the bubbles of the map.</summary>
    public IEnumerable<SegmentMapRow> Live => Segments.Where(s => s.Change.Kind != SegmentChangeKind.Retired);
}

/// <summary>One micro-segment in the map and the table.</summary>
/// <remarks>
/// <para><c>Share</c>: Members as a share (0–1) of the customers the current run scored.</para>
/// <para><c>AverageLifetimeValue</c>: Mean predicted lifetime value of the members (of the previous run for a retired segment).</para>
/// <para><c>AverageChurnScore</c>: Mean churn score, 0–100 (of the previous run for a retired segment).</para>
/// </remarks>
public sealed record SegmentMapRow(
    long Id,
    string Name,
    string Description,
    int Members,
    double Share,
    decimal AverageLifetimeValue,
    double AverageChurnScore,
    SegmentChange Change);

/// <summary>How a segment's size moved between the previous full run and the current run.</summary>
public enum SegmentChangeKind
{
    /// <summary>There is no previous run to compare with.</summary>
    NoBaseline = 0,

    /// <summary>In both runs; see the delta.</summary>
    Changed = 1,

    /// <summary>Found by the current run only.</summary>
    New = 2,

    /// <summary>Found by the previous run only.</summary>
    Retired = 3,
}

/// <summary>Members before and now, and what kind of change that is.</summary>
public sealed record SegmentChange(SegmentChangeKind Kind, int PreviousMembers, int CurrentMembers)
{
    /// <summary>Members gained (positive) or lost (negative) since the previous run.</summary>
    public int Delta => CurrentMembers - PreviousMembers;

    /// <summary>Delta as a share of the previous size, or null when there was no previous size.</summary>
    public double? Relative => PreviousMembers > 0 ? (double)Delta / PreviousMembers : null;

    /// <summary>"+120", "−35", "new segment", "retired" or "—" (no previous run).</summary>
    public string Text => Kind switch
    {
        SegmentChangeKind.New => "new segment",
        SegmentChangeKind.Retired => "retired",
        SegmentChangeKind.NoBaseline => "—",
        _ => Delta > 0 ? $"+{Delta:N0}" : Delta < 0 ? $"\u2212{-Delta:N0}" : "±0",
    };

    /// <summary>The change between two optional sizes: absent before means new, absent now means retired.</summary>
    public static SegmentChange Between(bool hasBaseline, int? previous, int? current) => (previous, current) switch
    {
        _ when !hasBaseline => new(SegmentChangeKind.NoBaseline, 0, current ?? 0),
        (null, { } now) => new(SegmentChangeKind.New, 0, now),
        ({ } before, null) => new(SegmentChangeKind.Retired, before, 0),
        ({ } before, { } now) => new(SegmentChangeKind.Changed, before, now),
        _ => new(SegmentChangeKind.NoBaseline, 0, 0),
    };
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>What the segment page can show for an id.</summary>
public enum SegmentLookupStatus
{
    /// <summary>No scoring run has been made current yet.</summary>
    NoScoringRun = 0,

    /// <summary>No segment has this id.</summary>
    UnknownSegment = 1,

    /// <summary>The segment exists; see the detail.</summary>
    Found = 2,
}

/// <summary>The answer to "show me segment N": a status and, when found, the segment.</summary>
public sealed record SegmentLookup(SegmentLookupStatus Status, SegmentDetail? Detail)
{
    public static SegmentLookup NoScoringRun { get; } = new(SegmentLookupStatus.NoScoringRun, null);

    public static SegmentLookup Unknown { get; } = new(SegmentLookupStatus.UnknownSegment, null);
}

/// <summary>One segment against the population as of the current run.</summary>
/// <remarks>
/// <para><c>Kpis</c>: Size and averages in the current run; null when the current run did not find the segment.</para>
/// <para><c>Contrasts</c>: The features that set it apart most, largest standardised difference first.</para>
/// <para><c>Transitions</c>: Where members came from and went to since the previous run; null without a previous run or members.</para>
/// <para><c>RfmMix</c>: Members per named RFM segment, largest first.</para>
/// </remarks>
public sealed record SegmentDetail(
    long Id,
    SegmentKind Kind,
    string Name,
    string Description,
    DateTime? RetiredAt,
    ExplorerRun Current,
    ExplorerRun? Previous,
    SegmentKpis? Kpis,
    IReadOnlyList<SegmentContrast> Contrasts,
    SegmentTransitions? Transitions,
    IReadOnlyList<NamedCount> RfmMix)
{
    /// <summary>The current run did not find it (retired, or found only by older runs).</summary>
    public bool InCurrentRun => Kpis is not null;
}

/// <summary>The segment's figures in the current run.</summary>
/// <remarks>
/// <para><c>Share</c>: Members as a share (0–1) of the customers the run scored.</para>
/// <para><c>Revenue365</c>: What the members spent in the 365 days before the run's cut-off.</para>
/// <para><c>Change</c>: Members now against the previous run.</para>
/// </remarks>
public sealed record SegmentKpis(int Members, double Share, decimal AverageLifetimeValue, double AverageChurnScore, decimal Revenue365, SegmentChange Change);

/// <summary>One feature of the segment against the population, with its wording for people.</summary>
/// <remarks>
/// <para><c>Label</c>: Short name of the feature ("App share").</para>
/// <para><c>Phrase</c>: Both means in words ("app share 78 % vs 31 %").</para>
/// <para><c>StandardisedDifference</c>: Population standard deviations between the segment's mean and the population's.</para>
/// </remarks>
public sealed record SegmentContrast(string Feature, string Label, string Phrase, double SegmentMean, double PopulationMean, double StandardisedDifference);

/// <summary>A labelled count (an RFM segment and its members).</summary>
public sealed record NamedCount(string Name, int Count);

/// <summary>Where a flow of customers starts or ends besides a segment.</summary>
public enum FlowEndKind
{
    /// <summary>A segment (the flow's segment id is set).</summary>
    Segment = 0,

    /// <summary>Customers the previous run did not score (new since then).</summary>
    NewCustomers = 1,

    /// <summary>Customers the current run did not score.</summary>
    NotScored = 2,

    /// <summary>Scored, but in no segment of this kind in that run.</summary>
    NoSegment = 3,
}

/// <summary>Customers moving between this segment and another place from the previous run to the current one.</summary>
public sealed record SegmentFlow(FlowEndKind Kind, long? SegmentId, string Label, int Customers);

/// <summary>
/// The movements touching one segment between the previous run and the current one: who came in (from where),
/// who stayed, and who left (to where).
/// </summary>
/// <remarks>
/// <para><c>Stayed</c>: Members in both runs.</para>
/// <para><c>Inflows</c>: Current members who were elsewhere before, largest first.</para>
/// <para><c>Outflows</c>: Previous members who are elsewhere now, largest first.</para>
/// </remarks>
public sealed record SegmentTransitions(int Stayed, IReadOnlyList<SegmentFlow> Inflows, IReadOnlyList<SegmentFlow> Outflows)
{
    public int Joined => Inflows.Sum(f => f.Customers);

    public int Left => Outflows.Sum(f => f.Customers);
}

/// <summary>Revenue and orders of the members in the 365 days before the cut-off, per category and per channel.</summary>
/// <remarks>
/// <para><c>Categories</c>: Categories by revenue, largest first.</para>
/// <para><c>Channels</c>: Channels by revenue, largest first.</para>
/// </remarks>
public sealed record SegmentPurchaseMix(IReadOnlyList<MixEntry> Categories, IReadOnlyList<MixEntry> Channels)
{
    public static SegmentPurchaseMix Empty { get; } = new([], []);
}

/// <summary>One category or channel in the purchase mix: revenue and how many orders (for channels) or order lines (for categories).</summary>
public sealed record MixEntry(string Name, decimal Revenue, int Count);

/// <summary>The channels orders come through, with display names.</summary>
public static class ChannelNames
{
    public static string Of(SalesChannel channel) => channel switch
    {
        SalesChannel.Online => "Online",
        SalesChannel.App => "App",
        SalesChannel.Store => "Store",
        _ => channel.ToString(),
    };
}

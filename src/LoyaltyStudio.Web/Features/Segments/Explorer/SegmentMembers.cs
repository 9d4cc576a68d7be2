using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>What the member grid can be sorted by.</summary>
public enum SegmentMemberSort
{
    ChurnScore = 0,
    LifetimeValue = 1,
    Spend365 = 2,

    /// <summary>Days since the last purchase at the cut-off (never bought counts as longest ago).</summary>
    LastPurchase = 3,
}

/// <summary>One page request of the member grid.</summary>
/// <remarks>
/// <para><c>Page</c>: Zero-based page index (as the data grid counts).</para>
/// <para><c>PageSize</c>: Rows per page, 1 to <see cref="MaxPageSize"/>.</para>
/// <para><c>Search</c>: Start of a name or external id (external id only for roles that see names masked).</para>
/// <para><c>Band</c>: Only members in this churn-risk band, or all.</para>
/// </remarks>
public sealed record SegmentMemberQuery(
    int Page = 0,
    int PageSize = SegmentMemberQuery.DefaultPageSize,
    SegmentMemberSort SortBy = SegmentMemberSort.ChurnScore,
    bool Descending = true,
    string? Search = null,
    ChurnRiskBand? Band = null)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
}

/// <summary>One page of a segment's members, already masked when the user may not see names.</summary>
/// <remarks>
/// <para><c>TotalCount</c>: Members matching the filter, over all pages.</para>
/// <para><c>Masked</c>: Names are partly hidden and only the external id is searched.</para>
/// <para><c>Problem</c>: Why the search was not run (too long), or null.</para>
/// </remarks>
public sealed record SegmentMemberPage(int TotalCount, bool Masked, IReadOnlyList<SegmentMemberRow> Rows, string? Problem)
{
    public static SegmentMemberPage Empty(bool masked) => new(0, masked, [], null);
}

/// <summary>A member of the segment in the grid.</summary>
/// <remarks>
/// <para><c>DaysSinceLastPurchase</c>: Days from the last purchase to the cut-off; null when the customer never bought.</para>
/// </remarks>
public sealed record SegmentMemberRow(
    long CustomerId,
    string ExternalId,
    string Name,
    int ChurnScore,
    ChurnRiskBand Band,
    decimal PredictedLifetimeValue,
    decimal Spend365,
    int? DaysSinceLastPurchase);

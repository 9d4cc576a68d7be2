using System.Security.Claims;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>
/// Reads the micro-segment map, one segment's page and its members from the current scoring snapshot. Every answer is an
/// aggregate or one page: no call reads a whole table into memory.
/// </summary>
public interface ISegmentExplorerService
{
    /// <summary>The current run's micro-segments beside the previous full run; null before the first scoring run.</summary>
    Task<SegmentMap?> GetMapAsync(CancellationToken cancellationToken = default);

    /// <summary>One segment's profile, figures, transitions and RFM mix as of the current run.</summary>
    Task<SegmentLookup> GetSegmentAsync(long segmentId, CancellationToken cancellationToken = default);

    /// <summary>One page of the segment's members in the current run, masked for users without the unmasked-customers right.</summary>
    Task<SegmentMemberPage> GetMembersAsync(ClaimsPrincipal user, long segmentId, SegmentMemberQuery query, CancellationToken cancellationToken = default);

    /// <summary>Revenue per category and per channel of the members in the 365 days before the current run's cut-off.</summary>
    Task<SegmentPurchaseMix> GetPurchaseMixAsync(long segmentId, CancellationToken cancellationToken = default);
}

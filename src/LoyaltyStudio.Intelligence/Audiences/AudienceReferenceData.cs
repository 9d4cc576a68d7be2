using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>A segment a condition may name.</summary>
public sealed record AudienceSegmentOption(long Id, SegmentKind Kind, string Key, string Name, bool IsRetired);

/// <summary>A tier a condition may name.</summary>
public sealed record AudienceTierOption(string Code, string Name);

/// <summary>A category a category-affinity condition may name.</summary>
public sealed record AudienceCategoryOption(int Id, string Code, string Name);

/// <summary>
/// The values in the database that conditions refer to by name: segments, tiers, categories and regions. Used to check
/// conditions (and turn names into ids) and to fill the builder's pick lists.
/// </summary>
public sealed record AudienceReferenceData(
    IReadOnlyList<AudienceSegmentOption> Segments,
    IReadOnlyList<AudienceTierOption> Tiers,
    IReadOnlyList<AudienceCategoryOption> Categories,
    IReadOnlyList<string> Regions)
{
    /// <summary>
    /// Reads the reference lists; the regions only when asked, because they come from a pass over the customers
    /// while the others are small tables.
    /// </summary>
    public static async Task<AudienceReferenceData> LoadAsync(LoyaltyDbContext db, bool withRegions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var segments = await db.Segments.AsNoTracking()
            .OrderBy(s => s.Kind).ThenBy(s => s.Key)
            .Select(s => new AudienceSegmentOption(s.Id, s.Kind, s.Key, s.Name, s.RetiredAt != null))
            .ToListAsync(cancellationToken);
        var tiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Rank)
            .Select(t => new AudienceTierOption(t.Code, t.Name)).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new AudienceCategoryOption(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        IReadOnlyList<string> regions = withRegions
            ? await db.Customers.AsNoTracking().Select(c => c.Region).Where(r => r != "").Distinct().OrderBy(r => r).ToListAsync(cancellationToken)
            : [];
        return new AudienceReferenceData(segments, tiers, categories, regions);
    }
}

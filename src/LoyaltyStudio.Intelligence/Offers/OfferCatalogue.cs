using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>The small reference tables the offer rules name things from: categories (as columns), products and tiers.</summary>
internal sealed class OfferCatalogue
{
    private readonly Dictionary<int, int> _columnOf;

    private OfferCatalogue(IReadOnlyList<(int Id, string Name)> categories, IReadOnlyDictionary<int, (string Name, decimal Price)> products,
        TierRules? tiers)
    {
        Categories = categories;
        Products = products;
        Tiers = tiers;
        _columnOf = categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    /// <summary>Categories in id order; a category's position is its column in the spend arrays.</summary>
    public IReadOnlyList<(int Id, string Name)> Categories { get; }

    public IReadOnlyDictionary<int, (string Name, decimal Price)> Products { get; }

    /// <summary>The programme's tiers; null when the database holds none (then no tier-progress offers).</summary>
    public TierRules? Tiers { get; }

    public bool TryGetColumn(int categoryId, out int column) => _columnOf.TryGetValue(categoryId, out column);

    public static async Task<OfferCatalogue> LoadAsync(LoyaltyDbContext context, CancellationToken cancellationToken)
    {
        var categories = await context.Categories.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Code }).ToListAsync(cancellationToken);
        var products = await context.Products.Select(p => new { p.Id, p.Name, p.Sku, p.UnitPrice }).ToListAsync(cancellationToken);
        var tiers = await context.Tiers.ToListAsync(cancellationToken);
        return new OfferCatalogue(
            [.. categories.Select(c => (c.Id, string.IsNullOrWhiteSpace(c.Name) ? c.Code : c.Name.Trim()))],
            products.ToDictionary(p => p.Id, p => (string.IsNullOrWhiteSpace(p.Name) ? p.Sku : p.Name.Trim(), p.UnitPrice)),
            tiers.Count == 0 ? null : new TierRules(tiers));
    }
}

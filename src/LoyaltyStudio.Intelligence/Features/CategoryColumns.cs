using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>The catalogue's categories as share columns: one per category, in id order, named by the category's name.</summary>
internal sealed class CategoryColumns
{
    private readonly Dictionary<int, int> _columnOf;

    private CategoryColumns(IReadOnlyList<string> names, Dictionary<int, int> columnOf)
    {
        Names = names;
        _columnOf = columnOf;
    }

    /// <summary>The column names (<see cref="FeatureNames.CategorySharePrefix"/> + name).</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The category's position among the share columns.</summary>
    public bool TryGetColumn(int categoryId, out int column) => _columnOf.TryGetValue(categoryId, out column);

    public static async Task<CategoryColumns> LoadAsync(LoyaltyDbContext context, CancellationToken cancellationToken)
    {
        var categories = await context.Categories.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(cancellationToken);
        var names = new List<string>(categories.Count);
        var columnOf = new Dictionary<int, int>(categories.Count);
        var duplicated = categories.GroupBy(c => c.Name.Trim(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            // Codes are unique, names need not be: two categories of one name are told apart by their codes.
            var name = c.Name.Trim();
            var label = name.Length == 0 ? c.Code : duplicated.Contains(name) ? $"{name} ({c.Code})" : name;
            columnOf[c.Id] = names.Count;
            names.Add(FeatureNames.CategorySharePrefix + label);
        }
        return new CategoryColumns(names, columnOf);
    }
}

using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Catalog;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// The demo shop's catalogue: eight categories of a coffee-and-grocery store with about 150 products.
/// Names are fixed; prices vary with the seed around each category's typical price.
/// </summary>
internal sealed class DemoCatalogue
{
    private static readonly (string Code, string Name, decimal Low, decimal High, string[] Items)[] Definitions =
    [
        ("COFFEE", "Coffee", 3.50m, 14.90m, ["Espresso blend", "House roast", "Colombian single origin", "Ethiopian Yirgacheffe",
            "Decaf blend", "Cold brew", "Cappuccino pods", "Lungo pods", "Instant gold", "Kenyan AA"]),
        ("TEA", "Tea", 2.20m, 9.50m, ["English breakfast", "Earl grey", "Green sencha", "Chamomile", "Peppermint",
            "Rooibos", "Chai", "Jasmine pearls", "Oolong"]),
        ("BAKERY", "Bakery", 0.90m, 5.40m, ["Sourdough loaf", "Croissant", "Pain au chocolat", "Cinnamon roll", "Bagel",
            "Rye bread", "Blueberry muffin", "Banana bread", "Brioche", "Focaccia"]),
        ("SNACKS", "Snacks", 0.80m, 4.20m, ["Dark chocolate bar", "Salted almonds", "Oat cookies", "Granola bar", "Crisps",
            "Shortbread", "Dried mango", "Popcorn", "Trail mix", "Rice crackers"]),
        ("DAIRY", "Dairy", 0.70m, 4.80m, ["Whole milk", "Oat drink", "Greek yoghurt", "Butter", "Cheddar", "Cream",
            "Almond drink", "Skyr", "Mozzarella"]),
        ("HOUSEHOLD", "Household", 1.50m, 12.00m, ["Washing-up liquid", "Kitchen roll", "Descaler", "Coffee filters",
            "Reusable cup", "Bin bags", "Dishwasher tablets", "Sponges", "Cafetière"]),
        ("CARE", "Personal care", 1.80m, 11.50m, ["Hand soap", "Shampoo", "Toothpaste", "Lip balm", "Hand cream",
            "Shower gel", "Deodorant", "Sun cream", "Tissues"]),
        ("GIFTS", "Gifts", 6.00m, 39.00m, ["Coffee gift box", "Tea sampler", "Chocolate hamper", "Mug set", "Gift card",
            "Espresso cups", "Travel tumbler", "Biscuit tin"]),
    ];

    private static readonly string[] Sizes = ["", " (large)"];

    private DemoCatalogue(List<Category> categories, List<Product> products, int[][] productsByCategory)
    {
        Categories = categories;
        Products = products;
        ProductsByCategory = productsByCategory;
    }

    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyList<Product> Products { get; }

    /// <summary>Index into <see cref="Products"/> of the cheapest product.</summary>
    public int CheapestProduct => Enumerable.Range(0, Products.Count).MinBy(i => Products[i].UnitPrice);

    /// <summary>Indexes into <see cref="Products"/>, per category index.</summary>
    public int[][] ProductsByCategory { get; }

    /// <summary>Builds the catalogue with ids following <paramref name="categoryIdBase"/> and <paramref name="productIdBase"/>.</summary>
    public static DemoCatalogue Create(int seed, int categoryIdBase, int productIdBase, EntityValues values)
    {
        var random = new SeededRandom(SeededRandom.Mix(seed, -1));
        var categories = new List<Category>();
        var products = new List<Product>();
        var byCategory = new int[Definitions.Length][];
        for (var c = 0; c < Definitions.Length; c++)
        {
            var (code, name, low, high, items) = Definitions[c];
            var category = new Category(code, name);
            values.Set(category, nameof(Category.Id), categoryIdBase + c + 1);
            categories.Add(category);
            var indexes = new List<int>();
            foreach (var item in items)
            {
                var basePrice = low + ((high - low) * (decimal)random.NextDouble());
                foreach (var size in Sizes)
                {
                    var price = size.Length == 0 ? basePrice : basePrice * 1.8m;
                    // Shelf prices end in .x9 or .x5, as shops price them.
                    price = Math.Floor(price * 10m) / 10m + (random.Chance(0.7) ? 0.09m : 0.05m);
                    var sku = $"DEMO-{code}-{products.Count + 1:D3}";
                    var product = new Product(sku, item + size, categoryIdBase + c + 1, price);
                    values.Set(product, nameof(Product.Id), productIdBase + products.Count + 1);
                    indexes.Add(products.Count);
                    products.Add(product);
                }
            }
            byCategory[c] = [.. indexes];
        }
        return new DemoCatalogue(categories, products, byCategory);
    }

    /// <summary>
    /// Dirichlet concentration of a category in customers' preferences: coffee and bakery are what most come for;
    /// gifts and personal care are occasional. Small values make preferences concentrated on a few categories.
    /// </summary>
    public static double PreferenceConcentration(string categoryCode) => categoryCode switch
    {
        "COFFEE" => 1.6,
        "TEA" => 0.8,
        "BAKERY" => 1.0,
        "SNACKS" => 0.7,
        "DAIRY" => 0.7,
        "HOUSEHOLD" => 0.4,
        "CARE" => 0.3,
        _ => 0.2,
    };

    /// <summary>Where a preference shift from this category goes (coffee → tea and back; bakery ↔ snacks; others → coffee).</summary>
    public int ShiftTargetOf(string categoryCode)
    {
        var target = categoryCode switch
        {
            "COFFEE" => "TEA",
            "TEA" => "COFFEE",
            "BAKERY" => "SNACKS",
            "SNACKS" => "BAKERY",
            "DAIRY" => "BAKERY",
            _ => "COFFEE",
        };
        for (var i = 0; i < Categories.Count; i++)
            if (Categories[i].Code == target)
                return i;
        throw new InvalidOperationException($"The catalogue has no category {target}.");
    }
}

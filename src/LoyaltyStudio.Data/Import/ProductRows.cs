using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Catalog;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>Products by SKU; a category code not seen before creates the category.</summary>
internal sealed class ProductRows(ImportSession session) : ImportHandler(session)
{
    private readonly Dictionary<string, long> _linesBySku = new(StringComparer.Ordinal);

    public override Task StartAsync(CancellationToken cancellationToken) => Session.LoadProductsAsync(cancellationToken);

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var sku = row.Text(C.Sku, ColumnSizes.Code);
        var name = row.Text(C.ProductName, ColumnSizes.Name);
        var category = row.Text(C.Category, ColumnSizes.Code);
        var price = row.Decimal(C.UnitPrice);
        if (price < 0)
            row.Fail(C.UnitPrice, row.Span(C.UnitPrice), "is negative; a price must be zero or more");
        if (!row.IsValid)
            return;
        if (_linesBySku.TryGetValue(sku!, out var first))
        {
            row.Fail(C.Sku, sku, $"appears twice in the file (first on line {first}); SKUs must be unique");
            return;
        }
        _linesBySku[sku!] = row.Line;
        if (Session.TryProduct(sku, out _))
        {
            Session.AlreadyPresent++;
            return;
        }
        var categoryId = await Session.CategoryAsync(category!, cancellationToken);
        await Session.CreateProductAsync(new Product(sku!, name!, categoryId, price!.Value), cancellationToken);
        Session.Written++;
    }

    public override Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Text;
using LoyaltyStudio.Data.Import;
using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Import;

/// <summary>A migrated SQLite file with a small catalogue and two customers, plus helpers to write CSV files and import them.</summary>
internal sealed class ImportTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private ImportTestBed(SqliteTestDatabase database) => Database = database;

    public SqliteTestDatabase Database { get; }

    public static async Task<ImportTestBed> CreateAsync(bool withCatalogue = true)
    {
        var bed = new ImportTestBed(await SqliteTestDatabase.CreateAsync());
        if (withCatalogue)
        {
            var coffee = (await bed.Database.AddAsync(new Category("coffee", "Coffee")))[0];
            await bed.Database.AddAsync(new Product("BEAN-1", "House beans", coffee.Id, 12.50m), new Product("MUG-1", "Mug", coffee.Id, 8m));
            await bed.Database.AddAsync(Sample.Customer("C1"), Sample.Customer("C2", "Grace", "Hopper"));
        }
        return bed;
    }

    public string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Database.Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Database.Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ImportResult> ImportAsync(ImportKind kind, string path, CsvImportOptions? options = null) =>
        new CsvImporter(Database.Factory, new FixedTimeProvider(Now)).ImportAsync(kind, path, options ?? new CsvImportOptions());

    /// <summary>Row counts of every table an import can write to, and how many customers are marked for re-scoring.</summary>
    public async Task<string> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return $"customers {await db.Customers.CountAsync()}, marked {await db.Customers.CountAsync(c => c.RescoreRequestedAt != null)}, " +
            $"categories {await db.Categories.CountAsync()}, products {await db.Products.CountAsync()}, orders {await db.Orders.CountAsync()}, " +
            $"lines {await db.OrderLines.CountAsync()}, events {await db.InteractionEvents.CountAsync()}, support {await db.SupportContacts.CountAsync()}";
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

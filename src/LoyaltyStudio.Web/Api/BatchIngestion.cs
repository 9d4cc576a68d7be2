using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// Stores one batch of one kind all-or-nothing: every item is checked first (shape, then references), and only a
/// batch without problems is written, in one transaction that also marks the affected customers for re-scoring.
/// Items whose id is already stored are counted, not stored again.
/// </summary>
/// <typeparam name="TItem">The item as the client sent it.</typeparam>
/// <typeparam name="TParsed">The item once checked and typed.</typeparam>
public abstract class BatchIngestion<TItem, TParsed>(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock)
    where TItem : class
{
    /// <summary>The JSON name of the item's own id, for "appears twice" errors.</summary>
    protected abstract string IdField { get; }

    /// <summary>Checks and types one item; problems go to <paramref name="fields"/> under <paramref name="path"/>.</summary>
    protected abstract TParsed Parse(TItem item, string path, ItemFields fields);

    protected abstract string IdOf(TParsed parsed);

    /// <summary>
    /// Adds the items not stored yet to <paramref name="db"/> and marks their customers; unknown references go to
    /// <paramref name="errors"/> (then nothing is saved). Returns how many items were already stored.
    /// </summary>
    protected abstract Task<int> AddNewAsync(LoyaltyDbContext db, IReadOnlyList<Checked> items, DateTime now, ItemErrors errors,
        CancellationToken cancellationToken);

    /// <summary>An item that passed the shape checks, with where it was in the batch.</summary>
    public readonly record struct Checked(string Path, TParsed Item);

    public async Task<IResult> IngestAsync(IReadOnlyList<TItem?> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        try
        {
            return await TryIngestAsync(items, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored some of the same ids between our check and our insert (unique index).
            // Once more from the start: those items now count as already present.
            return await TryIngestAsync(items, cancellationToken);
        }
    }

    private async Task<IResult> TryIngestAsync(IReadOnlyList<TItem?> items, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new ItemErrors();
        var fields = new ItemFields(db.Model, errors);
        var valid = new List<Checked>(items.Count);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"items[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(path, "is null; an object is expected");
                continue;
            }
            var before = errors.Count;
            var parsed = Parse(item, path, fields);
            if (errors.Count > before)
                continue;
            var id = IdOf(parsed);
            if (firstIndex.TryGetValue(id, out var first))
            {
                errors.Add($"{path}.{IdField}", $"'{id}' appears twice in the batch (first at items[{first}]); ids must be unique");
                continue;
            }
            firstIndex[id] = i;
            valid.Add(new Checked(path, parsed));
        }
        if (errors.Any)
            return ApiProblems.Invalid(StatusCodes.Status400BadRequest, "The batch is not valid", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alreadyPresent = await AddNewAsync(db, valid, now, errors, cancellationToken);
        if (errors.Any)
            return ApiProblems.Invalid(StatusCodes.Status422UnprocessableEntity, "The batch refers to unknown customers or products", errors);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new IngestionResult(items.Count, valid.Count - alreadyPresent, alreadyPresent));
    }

    /// <summary>The customers with these external ids, tracked so they can be marked for re-scoring.</summary>
    protected static async Task<Dictionary<string, Customer>> CustomersAsync(LoyaltyDbContext db, IEnumerable<string> externalIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = externalIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Customers.Where(c => ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Product ids by SKU for the SKUs given.</summary>
    protected static async Task<Dictionary<string, int>> ProductsAsync(LoyaltyDbContext db, IEnumerable<string> skus,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = skus.Distinct(StringComparer.Ordinal).ToList();
        return await db.Products.Where(p => wanted.Contains(p.Sku)).Select(p => new { p.Sku, p.Id })
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);
    }

    protected static string UnknownCustomer(string id) =>
        $"'{id}' is not a known customer; send it to /api/v1/customers (or import it) first";
}

using System.Diagnostics;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// The walking skeleton's demo data: a deterministic, believable data set (see <see cref="CustomerSimulation"/>
/// for what is modelled) generated customer by customer and written in batches with <see cref="BulkWriter"/>,
/// all in one transaction. The same request always gives the same rows, whatever the batch size.
/// </summary>
public sealed class DemoDataGenerator : ILoyaltyDataGenerator
{
    /// <summary>Customers generated and written together; bounds memory whatever the size of the data set.</summary>
    public const int DefaultBatchSize = 1_000;

    private readonly IDbContextFactory<LoyaltyDbContext> _contexts;
    private readonly int _batchSize;

    public DemoDataGenerator(IDbContextFactory<LoyaltyDbContext> contexts) : this(contexts, DefaultBatchSize) { }

    /// <summary>A generator writing <paramref name="batchSize"/> customers (with all their rows) at a time.</summary>
    public DemoDataGenerator(IDbContextFactory<LoyaltyDbContext> contexts, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _contexts = contexts;
        _batchSize = batchSize;
    }

    public async Task<GenerationSummary> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var clock = Stopwatch.StartNew();

        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await context.Customers.AnyAsync(cancellationToken))
            throw new InvalidOperationException(
                "The database already holds customers; demo data is only generated into an empty database. " +
                "Point Database:DataFolder (or ConnectionStrings:Loyalty) at a new database to seed it.");

        await using var writer = new BulkWriter(context);
        var values = new EntityValues(context);
        progress?.Report(new GenerationProgress(0, request.Customers, "Writing the catalogue"));

        if (!await context.Tiers.AnyAsync(cancellationToken))
            await writer.InsertAsync(TierRules.Standard.Tiers, cancellationToken);
        var categoryBase = await context.Categories.MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0;
        var productBase = await context.Products.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0;
        var catalogue = DemoCatalogue.Create(request.Seed, categoryBase, productBase, values);
        await writer.InsertAsync(catalogue.Categories, cancellationToken);
        await writer.InsertAsync(catalogue.Products, cancellationToken);

        var ids = new DemoIds
        {
            NextOrderId = (await context.Orders.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0) + 1,
            NextLineId = (await context.OrderLines.MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0) + 1,
        };
        var customerBase = await context.Customers.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var simulation = new CustomerSimulation(catalogue, values, DemoPeriod.From(request), request.Seed);
        var counts = new Counts();

        // Generation of the next batch overlaps writing of the current one; a single producer keeps ids in order.
        var current = new DemoBatch();
        var next = new DemoBatch();
        GenerateBatch(simulation, current, ids, customerBase, 0, Math.Min(_batchSize, request.Customers));
        for (var start = 0; start < request.Customers; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + _batchSize, request.Customers);
            var following = end < request.Customers
                ? Task.Run(() => GenerateBatch(simulation, next, ids, customerBase, end, Math.Min(end + _batchSize, request.Customers)), cancellationToken)
                : Task.CompletedTask;
            try
            {
                await WriteAsync(writer, current, counts, cancellationToken);
            }
            finally
            {
                await following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await following;
            (current, next) = (next, current);
            progress?.Report(new GenerationProgress(end, request.Customers, "Writing customers"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new GenerationProgress(request.Customers, request.Customers, "Committing"));
        await transaction.CommitAsync(cancellationToken);
        return new GenerationSummary(request.Customers, catalogue.Products.Count, counts.Orders, counts.Lines, counts.Events,
            counts.SupportContacts, counts.Points, clock.Elapsed);
    }

    private static void GenerateBatch(CustomerSimulation simulation, DemoBatch batch, DemoIds ids, long customerBase, int start, int end)
    {
        batch.Clear();
        for (var i = start; i < end; i++)
            simulation.Simulate(i, customerBase + i + 1, batch, ids);
    }

    private static void Validate(GenerationRequest request)
    {
        if (request.Customers < 1)
            throw new InvalidOperationException($"The number of customers must be at least 1, not {request.Customers}.");
        if (request.From >= request.To)
            throw new InvalidOperationException(
                $"The history must start before it ends: from {request.From:yyyy-MM-dd} is not before to {request.To:yyyy-MM-dd}.");
    }

    private static async Task WriteAsync(BulkWriter writer, DemoBatch batch, Counts counts, CancellationToken cancellationToken)
    {
        await writer.InsertAsync(batch.Customers, cancellationToken);
        counts.Orders += await writer.InsertAsync(batch.Orders, cancellationToken);
        counts.Lines += await writer.InsertAsync(batch.Lines, cancellationToken);
        counts.Events += await writer.InsertAsync(batch.Events, cancellationToken);
        counts.SupportContacts += await writer.InsertAsync(batch.SupportContacts, cancellationToken);
        counts.Points += await writer.InsertAsync(batch.Points, cancellationToken);
    }

    private sealed class Counts
    {
        public int Orders { get; set; }
        public int Lines { get; set; }
        public int Events { get; set; }
        public int SupportContacts { get; set; }
        public int Points { get; set; }
    }
}

using System.Diagnostics;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// The behavioural simulator: a loyalty programme generated from a documented model with recorded ground truth
/// (BG/NBD purchases, Gamma-Gamma spend, preferences, channels, engagement, support, points, past campaigns; see
/// <see cref="CustomerSimulation"/> and README "The simulator"). Customers are generated one batch at a time, each
/// from its own seeded generator, and written with <see cref="BulkWriter"/> in one transaction while the next batch
/// is generated; the same request gives the same rows whatever the batch size.
/// </summary>
public sealed class LoyaltySimulator : ILoyaltyDataGenerator
{
    /// <summary>Name written into <see cref="SimulatedDataset.Generator"/>.</summary>
    public const string GeneratorName = "LoyaltySimulator/1";

    /// <summary>Customers generated and written together; bounds memory whatever the size of the data set.</summary>
    public const int DefaultBatchSize = 1_000;

    private readonly IDbContextFactory<LoyaltyDbContext> _contexts;
    private readonly int _batchSize;
    private readonly TimeProvider _time;

    public LoyaltySimulator(IDbContextFactory<LoyaltyDbContext> contexts) : this(contexts, DefaultBatchSize) { }

    /// <summary>A simulator writing <paramref name="batchSize"/> customers (with all their rows) at a time.</summary>
    public LoyaltySimulator(IDbContextFactory<LoyaltyDbContext> contexts, int batchSize, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _contexts = contexts;
        _batchSize = batchSize;
        _time = time ?? TimeProvider.System;
    }

    public async Task<GenerationSummary> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Parameters ?? new SimulationParameters();
        Validate(request);
        parameters.Validate();
        var clock = Stopwatch.StartNew();

        await using var context = await _contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var tuning = await SqliteBulkTuning.ApplyAsync(context, cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await context.Customers.AnyAsync(cancellationToken))
            throw new InvalidOperationException(
                "The database already holds customers; simulated data is only generated into an empty database. " +
                "Point Database:DataFolder (or ConnectionStrings:Loyalty) at a new database to seed it.");

        var indexes = await SqliteBulkTuning.DeferIndexesAsync(context,
            [typeof(Customer), typeof(CustomerTruth), typeof(Order), typeof(OrderLine), typeof(InteractionEvent),
                typeof(SupportContact), typeof(PointsLedgerEntry), typeof(HoldoutAssignment), typeof(Offer)], cancellationToken);
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

        var period = DemoPeriod.From(request);
        var campaigns = PastCampaigns.Plan(parameters, period,
            await context.Campaigns.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
            await context.SavedAudiences.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0, values);
        await writer.InsertAsync(campaigns.Select(c => c.Audience).ToList(), cancellationToken);
        await writer.InsertAsync(campaigns.Select(c => c.Campaign).ToList(), cancellationToken);
        await writer.InsertAsync([new SimulatedDataset
        {
            Generator = GeneratorName, Seed = request.Seed, Customers = request.Customers, From = request.From, To = request.To,
            ParametersJson = parameters.ToJson(), CreatedAt = _time.GetUtcNow().UtcDateTime,
        }], cancellationToken);

        var ids = new DemoIds
        {
            NextOrderId = (await context.Orders.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0) + 1,
            NextLineId = (await context.OrderLines.MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0) + 1,
        };
        var customerBase = await context.Customers.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var simulation = new CustomerSimulation(catalogue, values, period, request.Seed, parameters, campaigns);
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
        progress?.Report(new GenerationProgress(request.Customers, request.Customers, "Building indexes"));
        await indexes.RebuildAsync(cancellationToken);
        progress?.Report(new GenerationProgress(request.Customers, request.Customers, "Committing"));
        await transaction.CommitAsync(cancellationToken);
        return new GenerationSummary(request.Customers, catalogue.Products.Count, counts.Orders, counts.Lines, counts.Events,
            counts.SupportContacts, counts.Points, clock.Elapsed)
        {
            Campaigns = campaigns.Count,
            HoldoutAssignments = counts.Holdouts,
            Offers = counts.Offers,
            GroundTruthRows = counts.Truths,
        };
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
        counts.Truths += await writer.InsertAsync(batch.Truths, cancellationToken);
        counts.Orders += await writer.InsertAsync(batch.Orders, cancellationToken);
        counts.Lines += await writer.InsertAsync(batch.Lines, cancellationToken);
        counts.Events += await writer.InsertAsync(batch.Events, cancellationToken);
        counts.SupportContacts += await writer.InsertAsync(batch.SupportContacts, cancellationToken);
        counts.Points += await writer.InsertAsync(batch.Points, cancellationToken);
        counts.Holdouts += await writer.InsertAsync(batch.Holdouts, cancellationToken);
        counts.Offers += await writer.InsertAsync(batch.Offers, cancellationToken);
    }

    private sealed class Counts
    {
        public int Orders { get; set; }
        public int Lines { get; set; }
        public int Events { get; set; }
        public int SupportContacts { get; set; }
        public int Points { get; set; }
        public int Truths { get; set; }
        public int Holdouts { get; set; }
        public int Offers { get; set; }
    }
}

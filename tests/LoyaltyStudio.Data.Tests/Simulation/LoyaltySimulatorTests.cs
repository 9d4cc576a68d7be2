using System.Diagnostics;
using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoyaltyStudio.Data.Tests.Simulation;

public sealed class LoyaltySimulatorTests(ITestOutputHelper output)
{
    private static readonly GenerationRequest Small = new(300, 7, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30));

    [Fact]
    public async Task Same_request_gives_identical_tables_whatever_the_batch_size()
    {
        await using var first = await TempSqliteDatabase.CreateAsync();
        await using var second = await TempSqliteDatabase.CreateAsync();

        await first.Generator(batchSize: 1000).GenerateAsync(Small, null, CancellationToken.None);
        await second.Generator(batchSize: 37).GenerateAsync(Small, null, CancellationToken.None);

        Assert.Equal(await first.TableHashesAsync(), await second.TableHashesAsync());
    }

    [Fact]
    public async Task Different_seed_gives_different_customers_and_orders()
    {
        await using var first = await TempSqliteDatabase.CreateAsync();
        await using var second = await TempSqliteDatabase.CreateAsync();

        await first.Generator().GenerateAsync(Small, null, CancellationToken.None);
        await second.Generator().GenerateAsync(Small with { Seed = 8 }, null, CancellationToken.None);

        var a = await first.TableHashesAsync();
        var b = await second.TableHashesAsync();
        Assert.NotEqual(a["Customers"], b["Customers"]);
        Assert.NotEqual(a["Orders"], b["Orders"]);
    }

    [Fact]
    public async Task Summary_counts_equal_the_rows_in_the_database()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();

        var summary = await db.Generator().GenerateAsync(Small, null, CancellationToken.None);

        await using var context = db.Context();
        Assert.Equal(300, summary.Customers);
        Assert.Equal(summary.Customers, await context.Customers.CountAsync());
        Assert.Equal(summary.Products, await context.Products.CountAsync());
        Assert.Equal(summary.Orders, await context.Orders.CountAsync());
        Assert.Equal(summary.OrderLines, await context.OrderLines.CountAsync());
        Assert.Equal(summary.InteractionEvents, await context.InteractionEvents.CountAsync());
        Assert.Equal(summary.SupportContacts, await context.SupportContacts.CountAsync());
        Assert.Equal(summary.PointsEntries, await context.PointsLedger.CountAsync());
        Assert.True(summary.Orders > summary.Customers, $"only {summary.Orders} orders for {summary.Customers} customers");
        Assert.True(summary.InteractionEvents > summary.Orders);
        Assert.True(summary.SupportContacts > 0);
    }

    [Fact]
    public async Task Points_balance_never_goes_negative_and_the_ledger_uses_every_entry_type_but_adjust()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await db.Generator().GenerateAsync(Small, null, CancellationToken.None);

        await using var context = db.Context();
        var entries = await context.PointsLedger.AsNoTracking().ToListAsync();
        foreach (var customer in entries.GroupBy(e => e.CustomerId))
        {
            var balance = 0;
            foreach (var entry in customer.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
            {
                balance += entry.Points;
                Assert.True(balance >= 0, $"customer {customer.Key} goes to {balance} points at {entry.OccurredAt:u}");
            }
        }
        Assert.Contains(entries, e => e.Type == PointsEntryType.Earn);
        Assert.Contains(entries, e => e.Type == PointsEntryType.Redeem);
        Assert.Contains(entries, e => e.Type == PointsEntryType.Expire);
    }

    [Fact]
    public async Task Every_order_total_equals_the_sum_of_its_lines()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await db.Generator().GenerateAsync(Small, null, CancellationToken.None);

        await using var context = db.Context();
        var orders = await context.Orders.AsNoTracking().Include(o => o.Lines).ToListAsync();
        Assert.NotEmpty(orders);
        Assert.All(orders, o =>
        {
            Assert.InRange(o.Lines.Count, 1, 5);
            Assert.Equal(o.Lines.Sum(l => l.LineTotal), o.Total);
            Assert.Equal(o.Lines.Sum(l => l.Discount), o.DiscountTotal);
            Assert.All(o.Lines, l => Assert.Equal((l.Quantity * l.UnitPrice) - l.Discount, l.LineTotal));
        });
        Assert.Contains(orders, o => o.DiscountTotal > 0);
    }

    [Fact]
    public async Task Each_customer_holds_the_tier_of_their_spend_over_the_last_365_days()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await db.Generator().GenerateAsync(Small, null, CancellationToken.None);

        await using var context = db.Context();
        var asOf = Small.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var windowStart = asOf - TierRules.QualifyingWindow;
        var spend = (await context.Orders.AsNoTracking().Select(o => new { o.CustomerId, o.OrderedAt, o.Total }).ToListAsync())
            .Where(o => o.OrderedAt > windowStart && o.OrderedAt <= asOf)
            .GroupBy(o => o.CustomerId)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Total));
        var customers = await context.Customers.AsNoTracking().ToListAsync();

        Assert.All(customers, c =>
            Assert.Equal(TierRules.Standard.TierFor(spend.GetValueOrDefault(c.Id)).Code, c.TierCode));
        Assert.True(customers.Select(c => c.TierCode).Distinct().Count() >= 3, "the demo set should reach several tiers");
    }

    [Fact]
    public async Task A_database_with_customers_is_refused_and_left_as_it_was()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await db.Generator().GenerateAsync(Small with { Customers = 20 }, null, CancellationToken.None);
        var before = await db.TableHashesAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Generator().GenerateAsync(Small with { Seed = 99 }, null, CancellationToken.None));

        Assert.Contains("already holds customers", error.Message);
        Assert.Equal(before, await db.TableHashesAsync());
    }

    [Fact]
    public async Task Cancelling_after_the_first_batch_leaves_the_database_empty()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnceCustomersAreWritten(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            db.Generator(batchSize: 50).GenerateAsync(Small, progress, cancellation.Token));

        Assert.True(progress.CustomersWritten >= 50);
        await using var context = db.Context();
        Assert.Equal(0, await context.Customers.CountAsync());
        Assert.Equal(0, await context.Products.CountAsync());
        Assert.Equal(0, await context.Orders.CountAsync());
        Assert.Equal(0, await context.PointsLedger.CountAsync());
    }

    [Fact]
    public async Task Indexes_dropped_for_the_load_are_all_back_after_a_seed_and_after_a_cancelled_one()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        var before = await IndexDefinitionsAsync(db);
        Assert.Contains(before, d => d.Contains("IX_InteractionEvents_CustomerId_OccurredAt", StringComparison.Ordinal));

        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            db.Generator(batchSize: 50).GenerateAsync(Small, new CancelOnceCustomersAreWritten(cancellation), cancellation.Token));
        Assert.Equal(before, await IndexDefinitionsAsync(db));

        await db.Generator(batchSize: 50).GenerateAsync(Small, null, CancellationToken.None);
        Assert.Equal(before, await IndexDefinitionsAsync(db));
        await using var context = db.Context();
        Assert.Equal("ok", await context.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").SingleAsync());
    }

    private static async Task<List<string>> IndexDefinitionsAsync(TempSqliteDatabase db)
    {
        await using var context = db.Context();
        return await context.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .ToListAsync();
    }

    [Theory]
    [InlineData(0, "2025-01-01", "2025-12-31", "at least 1")]
    [InlineData(10, "2025-06-01", "2025-06-01", "must start before it ends")]
    public async Task Bad_requests_are_refused_with_a_clear_message(int customers, string from, string to, string message)
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        var request = new GenerationRequest(customers, 1, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Generator().GenerateAsync(request, null, CancellationToken.None));

        Assert.Contains(message, error.Message);
        await using var context = db.Context();
        Assert.Equal(0, await context.Products.CountAsync());
    }

    [Fact]
    public async Task Progress_reaches_every_customer()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        var reports = new List<GenerationProgress>();

        await db.Generator(batchSize: 100).GenerateAsync(Small, new SynchronousProgress(reports.Add), CancellationToken.None);

        var customerReports = reports.Where(r => r.Stage == "Writing customers").Select(r => r.CustomersDone).ToList();
        Assert.Equal([100, 200, 300], customerReports);
    }

    [Fact]
    public async Task Five_thousand_customers_over_eighteen_months_are_written_quickly()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        var request = GenerationRequest.EndingOn(new DateOnly(2026, 6, 30), 5000, 42, 18);

        var clock = Stopwatch.StartNew();
        var summary = await db.Generator().GenerateAsync(request, null, CancellationToken.None);
        clock.Stop();

        var rows = summary.Customers + summary.Products + summary.Orders + summary.OrderLines + summary.InteractionEvents
            + summary.SupportContacts + summary.PointsEntries;
        output.WriteLine($"{summary} — {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    private sealed class SynchronousProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }

    private sealed class CancelOnceCustomersAreWritten(CancellationTokenSource cancellation) : IProgress<GenerationProgress>
    {
        public int CustomersWritten { get; private set; }

        public void Report(GenerationProgress value)
        {
            CustomersWritten = value.CustomersDone;
            if (value.CustomersDone > 0)
                cancellation.Cancel();
        }
    }
}

using LoyaltyStudio.Data.Simulation;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoyaltyStudio.Data.Tests.Simulation;

/// <summary>Customers simulated with <see cref="SimulationParameters.ExactSpend"/>: each order is worth its Gamma(p, ν) draw.</summary>
public sealed class ExactSpendPopulation : IAsyncLifetime
{
    public static readonly SimulationParameters Parameters = new() { Campaigns = 0, BadContactDropoutMultiplier = 1, ExactSpend = true };

    public static readonly GenerationRequest Request = new(1500, 31, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30))
    {
        Parameters = Parameters,
    };

    private TempSqliteDatabase? _db;

    internal TempSqliteDatabase Db => _db ?? throw new InvalidOperationException("The population is not generated yet.");

    public async Task InitializeAsync()
    {
        _db = await TempSqliteDatabase.CreateAsync();
        await _db.Generator().GenerateAsync(Request, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
    }
}

public sealed class ExactSpendTests(ExactSpendPopulation population, ITestOutputHelper output) : IClassFixture<ExactSpendPopulation>
{
    private static readonly SimulationParameters P = ExactSpendPopulation.Parameters;

    /// <summary>
    /// An order worth z ~ Gamma(p, rate ν) times the customer's ν (recorded as p / MeanSpend) is Gamma(p, 1) whatever ν is,
    /// so over all orders u = z·ν has mean p and variance p. Tolerance: four standard errors from the sample (u is independent
    /// across orders); rounding z to the cent moves u by at most 0.005·ν (about 0.003), far inside them. Whole units at shelf
    /// prices (the default) add within-customer spread and fail the variance check by a wide margin.
    /// </summary>
    [Fact]
    public async Task Every_order_is_worth_a_Gamma_draw_at_the_customers_recorded_spend_rate()
    {
        await using var context = population.Db.Context();
        var spendRates = await context.CustomerTruths.AsNoTracking().ToDictionaryAsync(t => t.CustomerId, t => P.P / t.MeanSpend);
        var orders = await context.Orders.AsNoTracking().Select(o => new { o.CustomerId, Gross = o.Total + o.DiscountTotal }).ToListAsync();
        var u = orders.Select(o => (double)o.Gross * spendRates[o.CustomerId]).ToList();

        var n = u.Count;
        var mean = u.Average();
        var variance = u.Sum(x => Math.Pow(x - mean, 2)) / (n - 1);
        var fourth = u.Average(x => Math.Pow(x - mean, 4));
        var meanSe = Math.Sqrt(variance / n);
        var varianceSe = Math.Sqrt((fourth - (variance * variance)) / n);
        output.WriteLine($"order value × ν over {n} orders: mean {mean:F3} ± {meanSe:F3}, variance {variance:F3} ± {varianceSe:F3} (Gamma(p = {P.P}, 1): both {P.P})");

        Assert.InRange(mean, P.P - (4 * meanSe), P.P + (4 * meanSe));
        Assert.InRange(variance, P.P - (4 * varianceSe), P.P + (4 * varianceSe));
    }

    [Fact]
    public async Task Exact_orders_are_real_baskets_of_catalogue_products_whose_lines_add_up_to_the_cent()
    {
        await using var context = population.Db.Context();
        var shelf = await context.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.UnitPrice);
        var orders = await context.Orders.AsNoTracking().Include(o => o.Lines).ToListAsync();

        Assert.All(orders, o =>
        {
            // Five products at most, plus one unit split off to carry the last cents when no line has a single unit.
            Assert.InRange(o.Lines.Count, 1, 6);
            Assert.InRange(o.Lines.Select(l => l.ProductId).Distinct().Count(), 1, 5);
            Assert.All(o.Lines, l => Assert.True(l.Quantity > 0 && l.UnitPrice >= 0 && shelf.ContainsKey(l.ProductId)));
            Assert.Equal(o.Lines.Sum(l => l.Quantity * l.UnitPrice), o.Total + o.DiscountTotal);
            Assert.Equal(o.Lines.Sum(l => l.LineTotal), o.Total);
            Assert.True(o.Total + o.DiscountTotal >= 0.01m, $"order {o.ExternalId} is worth nothing");
        });

        // The basket is filled to the shelf total nearest the order's value, so the two differ by at most half a unit of the
        // cheapest product in it, unless nothing fitted and the order is one unit; the price level (value over shelf total)
        // is printed to show how far prices move.
        Assert.All(orders.Where(o => o.Lines.Sum(l => l.Quantity) > 1), o =>
        {
            var atShelf = o.Lines.Sum(l => l.Quantity * shelf[l.ProductId]);
            var cheapest = o.Lines.Min(l => shelf[l.ProductId]);
            Assert.InRange(o.Total + o.DiscountTotal - atShelf, -cheapest / 2, cheapest / 2);
        });
        var levels = orders.Select(o => (double)((o.Total + o.DiscountTotal) / o.Lines.Sum(l => l.Quantity * shelf[l.ProductId]))).Order().ToList();
        var split = orders.Count(o => o.Lines.Count != o.Lines.Select(l => l.ProductId).Distinct().Count());
        output.WriteLine($"price level over {levels.Count} orders: 5 % {levels[levels.Count / 20]:F3}, median {levels[levels.Count / 2]:F3}, " +
            $"95 % {levels[levels.Count * 19 / 20]:F3}; one product on two lines in {split} orders");
    }

    [Fact]
    public void Exact_spend_can_be_set_by_name_and_is_left_out_of_the_recorded_parameters_when_off()
    {
        var on = SimulationParameters.WithOverrides(["exactSpend=true"]);

        Assert.True(on.ExactSpend);
        Assert.Contains("\"exactSpend\":true", on.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("exactSpend", new SimulationParameters().ToJson(), StringComparison.Ordinal);
    }
}

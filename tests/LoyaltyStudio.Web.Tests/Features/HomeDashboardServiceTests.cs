using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Web.Features.Home;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Features;

public sealed class HomeDashboardServiceTests : IAsyncLifetime
{
    // Today is 15 March 2026, so the 90-day window is 16 Dec 2025 00:00 up to the end of 15 Mar 2026.
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 15, 14, 30, 0, TimeSpan.Zero));
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime Utc(int y, int m, int d, int h = 12, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private async Task SeedKnownRowsAsync()
    {
        await using var db = _database.Factory.CreateDbContext();
        var category = new Category("GROC", "Groceries");
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        var product = new Product("SKU-1", "Coffee", category.Id, 1m);
        db.Products.Add(product);

        var customers = Enumerable.Range(1, 4)
            .Select(i => new Customer($"C{i}", $"First{i}", $"Last{i}", $"c{i}@example.com", null, AgeBand.From25To34,
                "North", Utc(2024, 1, 1), SalesChannel.Online, Consent.None(Utc(2024, 1, 1))))
            .ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        var (c1, c2, c3) = (customers[0].Id, customers[1].Id, customers[2].Id);

        Order OrderOf(string no, long customer, DateTime at, SalesChannel channel, decimal amount)
        {
            var order = new Order(no, customer, at, channel);
            order.AddLine(product.Id, 1, amount);
            return order;
        }

        db.Orders.AddRange(
            OrderOf("O1", c1, Utc(2026, 3, 10), SalesChannel.Online, 100.00m),       // in window
            OrderOf("O2", c1, Utc(2026, 1, 5), SalesChannel.App, 50.50m),            // in window
            OrderOf("O3", c1, Utc(2026, 3, 15, 23, 0), SalesChannel.Store, 7.00m),   // today, in window
            OrderOf("O4", c2, Utc(2025, 12, 16, 0, 0), SalesChannel.Store, 20.00m),  // first instant of the window
            OrderOf("O5", c2, Utc(2025, 12, 15, 23, 59), SalesChannel.Online, 1000m), // one minute before the window
            OrderOf("O6", c3, Utc(2025, 11, 1), SalesChannel.App, 300.00m));         // long before the window

        var l1 = new PointsLedger(c1);
        var l2 = new PointsLedger(c2);
        var l3 = new PointsLedger(c3);
        db.PointsLedger.AddRange(
            l1.Earn(500, Utc(2025, 11, 1)), l1.Redeem(200, Utc(2026, 1, 5)),
            l2.Earn(100, Utc(2025, 12, 16)), l2.Expire(30, Utc(2026, 2, 1)),
            l3.Earn(50, Utc(2025, 11, 1)), l3.Adjust(5, Utc(2025, 11, 2), "Goodwill"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Kpis_count_customers_and_only_orders_inside_the_90_day_window()
    {
        await SeedKnownRowsAsync();

        var dashboard = await new HomeDashboardService(_database.Factory, Clock).GetAsync();

        Assert.Equal(new DateOnly(2026, 3, 15), dashboard.Today);
        Assert.Equal(new DateOnly(2025, 12, 16), dashboard.WindowStart);
        Assert.Equal(4, dashboard.Customers);
        Assert.Equal(2, dashboard.ActiveCustomers);          // c1 and c2; c3 ordered only before the window
        Assert.Equal(177.50m, dashboard.Revenue);            // 100 + 50.50 + 7 + 20
        Assert.Equal(425, dashboard.PointsLiability);        // 500-200 + 100-30 + 50+5
    }

    [Fact]
    public async Task Monthly_revenue_is_summed_per_channel_for_every_month_including_empty_ones()
    {
        await SeedKnownRowsAsync();

        var months = (await new HomeDashboardService(_database.Factory, Clock).GetAsync()).MonthlyRevenue;

        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"], months.Select(m => m.Label));
        Assert.Equal(300m, months[0].For(SalesChannel.App));
        Assert.Equal(0m, months[0].For(SalesChannel.Online));
        Assert.Equal(1000m, months[1].For(SalesChannel.Online));
        Assert.Equal(20m, months[1].For(SalesChannel.Store));
        Assert.Equal(50.50m, months[2].For(SalesChannel.App));
        Assert.Equal(0m, months[3].Total);
        Assert.Equal(100m, months[4].For(SalesChannel.Online));
        Assert.Equal(7m, months[4].For(SalesChannel.Store));
        Assert.Equal(1477.50m, months.Sum(m => m.Total));
    }

    [Fact]
    public async Task Empty_database_gives_zero_tiles_and_no_months()
    {
        var dashboard = await new HomeDashboardService(_database.Factory, Clock).GetAsync();

        Assert.Equal(0, dashboard.Customers);
        Assert.Equal(0, dashboard.ActiveCustomers);
        Assert.Equal(0m, dashboard.Revenue);
        Assert.Equal(0, dashboard.PointsLiability);
        Assert.False(dashboard.HasOrders);
    }
}

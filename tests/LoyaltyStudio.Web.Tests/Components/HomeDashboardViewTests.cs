using System.Globalization;
using Bunit;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Web.Features.Home;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Components;

public sealed class HomeDashboardViewTests : ShellTestContext
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static string Tile(IRenderedComponent<HomeDashboardView> view, string kpi) =>
        view.Find($"[data-kpi='{kpi}'] .ls-kpi-value").TextContent.Trim();

    [Fact]
    public void Tiles_show_the_figures_of_the_view_model()
    {
        var dashboard = new HomeDashboard(new DateOnly(2026, 3, 15), new DateOnly(2025, 12, 16),
            Customers: 5123, ActiveCustomers: 2890, Revenue: 183456.40m, PointsLiability: 1234567,
            MonthlyRevenue:
            [
                new RevenueMonth(2026, 2, new Dictionary<SalesChannel, decimal> { [SalesChannel.Online] = 10m }),
                new RevenueMonth(2026, 3, new Dictionary<SalesChannel, decimal> { [SalesChannel.Store] = 5m }),
            ]);

        var view = Render<HomeDashboardView>(p => p.Add(v => v.Dashboard, dashboard).Add(v => v.Culture, English));

        Assert.Equal("5,123", Tile(view, "customers"));
        Assert.Equal("2,890", Tile(view, "active"));
        Assert.Equal("$183,456", Tile(view, "revenue"));
        Assert.Equal("1,234,567 pts", Tile(view, "liability"));
        Assert.Single(view.FindAll(".ls-revenue-chart"));
        Assert.Empty(view.FindAll(".ls-no-orders"));
    }

    [Fact]
    public void Empty_database_shows_zero_tiles_and_says_there_are_no_orders_yet()
    {
        var empty = new HomeDashboard(new DateOnly(2026, 3, 15), new DateOnly(2025, 12, 16), 0, 0, 0m, 0, []);

        var view = Render<HomeDashboardView>(p => p.Add(v => v.Dashboard, empty).Add(v => v.Culture, English));

        Assert.Equal("0", Tile(view, "customers"));
        Assert.Equal("0", Tile(view, "active"));
        Assert.Equal("$0", Tile(view, "revenue"));
        Assert.Equal("0 pts", Tile(view, "liability"));
        Assert.Contains("No orders yet", view.Find(".ls-no-orders").TextContent);
        Assert.Empty(view.FindAll(".ls-revenue-chart"));
    }
}

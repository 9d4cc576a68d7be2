using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Features.Home;
using LoyaltyStudio.Web.Health;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoyaltyStudio.Web.Tests.Integration;

public sealed class OperationsTests(LoyaltyWebFactory factory) : IClassFixture<LoyaltyWebFactory>
{
    [Fact]
    public async Task Healthz_answers_anonymously_with_a_healthy_database()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Database_check_is_unhealthy_when_the_database_cannot_be_opened()
    {
        var missing = Path.Combine(TempFolder.Create("missing"), "no-such-folder", "loyalty.db");
        var contexts = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={missing};Mode=ReadOnly");

        var result = await new DatabaseHealthCheck(contexts).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Unknown_route_shows_the_friendly_404_inside_the_layout()
    {
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, "marketer@demo.local", LoyaltyWebFactory.DemoPassword);

        using var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("We could not find that page", html);
        Assert.Contains("ls-product-name", html);
        Assert.Contains("marketer@demo.local", html);
    }

    [Fact]
    public async Task Brand_assets_are_served_from_the_one_source()
    {
        using var browser = factory.CreateBrowser();
        var source = Path.Combine(FindRepositoryRoot(), "wwwroot-assets");

        foreach (var asset in new[] { "logo.svg", "favicon.svg", "brand.css" })
        {
            using var response = await browser.GetAsync($"/brand/{asset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(source, asset)), await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Home_shows_the_four_kpi_tiles_with_the_figures_of_the_seeded_database()
    {
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, "manager@demo.local", LoyaltyWebFactory.DemoPassword);
        await using var scope = factory.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<IHomeDashboardService>().GetAsync();
        var english = CultureInfo.GetCultureInfo("en-US");

        var html = await browser.GetStringAsync("/");

        Assert.Equal(200, expected.Customers); // Demo:Customers of the test host
        Assert.True(expected.HasOrders);
        Assert.Equal(expected.Customers.ToString("N0", english), Tile(html, "customers"));
        Assert.Equal(expected.ActiveCustomers.ToString("N0", english), Tile(html, "active"));
        Assert.Equal(expected.Revenue.ToString("C0", english), Tile(html, "revenue"));
        Assert.Equal($"{expected.PointsLiability.ToString("N0", english)} pts", Tile(html, "liability"));
        Assert.Contains("ls-revenue-chart", html);
    }

    private static string Tile(string html, string kpi)
    {
        var match = Regex.Match(html, $"data-kpi=\"{kpi}\"[\\s\\S]*?class=\"ls-kpi-value\">([^<]*)<");
        Assert.True(match.Success, $"No {kpi} tile on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LoyaltyStudio.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("LoyaltyStudio.sln not found above the test sources.");
    }
}

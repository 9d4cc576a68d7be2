using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Features.Home;
using LoyaltyStudio.Web.Health;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog.Core;
using Serilog.Events;

namespace LoyaltyStudio.Web.Tests.Integration;

public sealed partial class OperationsTests(LoyaltyWebFactory factory) : IClassFixture<LoyaltyWebFactory>
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
    public async Task Healthz_answers_503_naming_the_failed_check_when_the_database_cannot_be_reached()
    {
        var missing = Path.Combine(TempFolder.Create("gone"), "no-such-folder", "loyalty.db");
        var unreachable = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={missing};Mode=ReadOnly");
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.AddSingleton<IDbContextFactory<LoyaltyDbContext>>(unreachable)));
        using var client = broken.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Each_request_is_logged_as_a_structured_event_with_its_path_and_status()
    {
        var sink = new RequestLogSink("/healthz");
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.AddSingleton<ILogEventSink>(sink)));
        using var client = logged.CreateClient();

        using var response = await client.GetAsync("/healthz");

        // Properties, not text baked into a message: a log store can filter on RequestPath and StatusCode.
        // The event is written when the middleware unwinds, which may be just after the client has the response.
        var request = await sink.Logged.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", request.Properties["StatusCode"].ToString());
        Assert.Equal("\"GET\"", request.Properties["RequestMethod"].ToString());
        Assert.Contains("{RequestPath}", request.MessageTemplate.Text, StringComparison.Ordinal);
    }

    /// <summary>Completes with the first request-log event for one path.</summary>
    private sealed class RequestLogSink(string path) : ILogEventSink
    {
        private readonly TaskCompletionSource<LogEvent> _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<LogEvent> Logged => _logged.Task;

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value.ToString() == $"\"{path}\"")
                _logged.TrySetResult(logEvent);
        }
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

    [Theory]
    [InlineData("/campaigns")]
    [InlineData("/offers")]
    [InlineData("/retention")]
    [InlineData("/privacy")]
    public async Task An_area_not_built_yet_says_what_will_come_and_shows_no_figures(string area)
    {
        var html = await AdminGetsAsync(area);

        var placeholder = Placeholder().Match(html);
        Assert.True(placeholder.Success, $"{area} shows no 'what will come' placeholder; if it is built now, move it to the test below.");
        Assert.Contains("What will come here:", placeholder.Groups[1].Value);
        Assert.Contains("Not built yet", html);
        Assert.DoesNotMatch("[0-9]", WebUtility.HtmlDecode(Regex.Replace(placeholder.Groups[1].Value, "<[^>]+>", " ")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/segments")]
    [InlineData("/churn")]
    [InlineData("/customers")]
    [InlineData("/admin")]
    public async Task Areas_built_since_the_skeleton_no_longer_show_the_placeholder(string area)
    {
        var html = await AdminGetsAsync(area);

        Assert.False(Placeholder().IsMatch(html), $"{area} is built but still shows the 'not built yet' placeholder.");
        Assert.DoesNotContain("Not built yet", html);
    }

    private async Task<string> AdminGetsAsync(string path)
    {
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, "admin@demo.local", LoyaltyWebFactory.DemoPassword);
        return await browser.GetStringAsync(path);
    }

    [GeneratedRegex("class=\"[^\"]*ls-placeholder[^\"]*\"[^>]*>([\\s\\S]*?)</ul>")]
    private static partial Regex Placeholder();

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

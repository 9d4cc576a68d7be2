using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Features.Segments.Explorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>
/// The marketer's segment and churn pages drawn at 1366×768 in the light and the dark theme, each once its charts are
/// drawn, for people to look at (<c>workspace-&lt;page&gt;-&lt;theme&gt;.png</c>); nothing may run off the side of the screen.
/// </summary>
[Collection(ScoredBrowserJourneys.Name)]
public sealed class SegmentAndChurnScreenshotJourneyTests(ScoredRunningApp app) : BrowserJourney(app)
{
    private const string BackgroundScript = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";

    private static readonly LocatorAssertionsToBeAttachedOptions ChartDrawn = new() { Timeout = 15_000 };

    private static async Task ToggleDarkModeAsync(IPage page)
    {
        await WaitForInteractiveAsync(page);
        var before = await page.EvaluateAsync<string>(BackgroundScript);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Toggle dark mode" }).ClickAsync();
        await page.WaitForFunctionAsync($"before => {BackgroundScript} !== before", before);
    }

    /// <summary>Each page with what must be drawn before its picture is taken.</summary>
    private async Task<IReadOnlyList<(string Name, string Path, string[] Drawn)>> PagesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var map = await scope.ServiceProvider.GetRequiredService<ISegmentExplorerService>().GetMapAsync();
        var overview = await App.Services.GetRequiredService<IChurnOverviewService>().GetOverviewAsync();
        Assert.NotNull(map);
        Assert.NotNull(overview);
        var largest = map.Live.OrderByDescending(s => s.Members).First();
        var tenure = overview.Cohorts.Single(t => t.Dimension == ChurnCohortDimension.Tenure).Rows.OrderByDescending(r => r.High).First();
        return
        [
            ("segments", "/segments", ["#segment-map .scatterlayer .point", ".ls-segment-table tbody tr"]),
            ("segment", $"/segments/{largest.Id}",
                ["#segment-profile .barlayer .point", "#segment-transitions .sankey-node", ".ls-top-categories tbody tr", ".ls-segment-members .ls-member-link"]),
            ("rfm", "/segments/rfm", ["#rfm-grid .hm"]),
            ("churn", "/churn", ["#churn-histogram .barlayer .point", ".ls-cohort-heatmap .hm"]),
            ("churn-cohort", $"/churn/cohort?by=tenure&key={Uri.EscapeDataString(tenure.Cohort.Key)}&band=High", [".ls-churn-members .ls-member-link"]),
            ("churn-drivers", "/churn/drivers", ["#churn-drivers .barlayer .point", ".ls-churn-members .ls-member-reasons li"]),
            ("churn-model", "/churn/model", ["#churn-calibration .scatterlayer .trace"]),
        ];
    }

    private static async Task ShootAsync(IPage page, string baseUrl, (string Name, string Path, string[] Drawn) target, string theme)
    {
        await page.GotoAsync(baseUrl + target.Path);
        foreach (var selector in target.Drawn)
            await Assertions.Expect(page.Locator(selector).First).ToBeAttachedAsync(ChartDrawn);
        // Plotly sizes responsive charts after the first paint; the picture waits for the layout to settle.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"workspace-{target.Name}-{theme}"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{target.Path} ({theme}) is {overflow} px wider than the 1366 px screen.");
    }

    [Fact]
    public async Task Marketer_pages_are_drawn_in_light_and_dark_at_laptop_size()
    {
        var pages = await PagesAsync();
        var page = await NewLaptopPageAsync();
        await page.GotoAsync(App.BaseUrl + "/segments");
        await SignInAsync(page, "marketer@demo.local");
        await Assertions.Expect(page.Locator(".ls-segment-table")).ToBeVisibleAsync();

        foreach (var target in pages)
            await ShootAsync(page, App.BaseUrl, target, "light");

        // Dark mode is remembered per user: on for the dark pictures, off again at the end for the other journeys.
        await ToggleDarkModeAsync(page);
        try
        {
            foreach (var target in pages)
                await ShootAsync(page, App.BaseUrl, target, "dark");
        }
        finally
        {
            await ToggleDarkModeAsync(page);
        }
    }
}

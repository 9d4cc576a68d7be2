using System.Globalization;
using System.Text.RegularExpressions;
using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Churn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>A marketer reads the churn overview, opens a cohort from the heatmap, pages its members and saves its High-risk members as an audience.</summary>
[Collection(ScoredBrowserJourneys.Name)]
public sealed partial class ChurnJourneyTests(ScoredRunningApp app) : BrowserJourney(app)
{
    private const string BackgroundScript = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";

    [GeneratedRegex(@"/churn/cohort\?by=tenure&key=([^&]+)&band=High$")]
    private static partial Regex HighTenureCohortUrl();

    private static async Task ToggleDarkModeAsync(IPage page)
    {
        var before = await page.EvaluateAsync<string>(BackgroundScript);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Toggle dark mode" }).ClickAsync();
        await page.WaitForFunctionAsync($"before => {BackgroundScript} !== before", before);
    }

    private static async Task ExpectOverviewDrawnAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#churn-histogram .barlayer .point").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".ls-cohort-heatmap .hm").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
    }

    [Fact]
    public async Task Marketer_opens_a_cohort_from_the_heatmap_pages_its_members_and_saves_it_as_an_audience()
    {
        var overview = await App.Services.GetRequiredService<IChurnOverviewService>().GetOverviewAsync();
        Assert.NotNull(overview);
        var tenure = overview.Cohorts.Single(t => t.Dimension == ChurnCohortDimension.Tenure);

        var page = await NewLaptopPageAsync();
        await page.GotoAsync(App.BaseUrl + "/churn");
        await SignInAsync(page, "marketer@demo.local");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Churn risk", Exact = true })).ToBeVisibleAsync();
        await ExpectOverviewDrawnAsync(page);
        await Assertions.Expect(page.Locator(".ls-model-badge .ls-model-auc")).ToContainTextAsync("AUC 0.");
        await Assertions.Expect(page.Locator(".ls-churn-histogram")).ToContainTextAsync($"High from {overview.Thresholds.HighFrom}");
        await Assertions.Expect(page.Locator(".ls-band-shares [data-band=High]")).ToContainTextAsync(
            overview.Bands.Single(b => b.Band == Domain.Scoring.ChurnRiskBand.High).Customers.ToString("N0", CultureInfo.CurrentCulture));
        await Assertions.Expect(page.Locator(".ls-high-trend tbody tr")).ToHaveCountAsync(overview.Trend.Count);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-overview-light"), FullPage = true });

        // Plotly takes clicks on its drag layer and finds the cell under the pointer: the top row is the first cohort,
        // the right column its share in High.
        await WaitForInteractiveAsync(page);
        var heatmap = page.Locator(".ls-cohort-heatmap .nsewdrag").First;
        await heatmap.ScrollIntoViewIfNeededAsync();
        var box = (await heatmap.BoundingBoxAsync())!;
        var rowHeight = box.Height / tenure.Rows.Count;
        var (x, y) = (box.X + box.Width * 0.75f, box.Y + rowHeight / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.ClickAsync(x, y);

        await Assertions.Expect(page).ToHaveURLAsync(HighTenureCohortUrl());
        var key = Uri.UnescapeDataString(HighTenureCohortUrl().Match(page.Url).Groups[1].Value);
        var cohort = tenure.Rows.Single(r => r.Cohort.Key == key);
        Assert.Equal(tenure.Rows[0].Cohort.Key, key);
        await Assertions.Expect(page.Locator(".ls-cohort-title")).ToHaveTextAsync("Members for " + LowerFirst(TenureBand.Find(key)!.Label));
        var members = page.Locator(".ls-churn-members .ls-member-link");
        await Assertions.Expect(members.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ls-churn-members .ls-member-reason").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-cohort-light"), FullPage = true });

        if (cohort.High > 10)
        {
            var firstOnPageOne = await members.First.TextContentAsync();
            await WaitForInteractiveAsync(page);
            await page.Locator(".ls-churn-members").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next page" }).ClickAsync();
            await Assertions.Expect(members.First).Not.ToHaveTextAsync(firstOnPageOne!);
            await Assertions.Expect(page.Locator(".ls-churn-members")).ToContainTextAsync($"11-{Math.Min(20, cohort.High)} of {cohort.High}");
        }

        await WaitForInteractiveAsync(page);
        await page.Locator(".ls-act-on-cohort").ClickAsync();
        var created = page.Locator(".ls-audience-created");
        await Assertions.Expect(created).ToContainTextAsync("Saved audience “High churn risk · Members for");
        var audiences = await App.Services.GetRequiredService<SavedAudienceService>().ListAsync();
        var audience = audiences.Where(a => a.Audience.Name.StartsWith("High churn risk · Members for", StringComparison.Ordinal))
            .OrderByDescending(a => a.Audience.Id).First();
        Assert.Equal(cohort.High, audience.Size!.Customers);
        await Assertions.Expect(created).ToContainTextAsync($"“{audience.Audience.Name}” with {cohort.High.ToString("N0", CultureInfo.CurrentCulture)} customers");
        await created.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-cohort-audience-saved") });

        // Dark mode is remembered per user: on for the dark screenshots, off again at the end for the other journeys.
        await ToggleDarkModeAsync(page);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-cohort-dark"), FullPage = true });
            var dark = await page.EvaluateAsync<string>(BackgroundScript);
            await page.GotoAsync(App.BaseUrl + "/churn");
            await page.WaitForFunctionAsync("v => " + BackgroundScript + " === v", dark);
            await ExpectOverviewDrawnAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-overview-dark"), FullPage = true });
            await page.GotoAsync(App.BaseUrl + "/churn/drivers");
            await Assertions.Expect(page.Locator("#churn-drivers .barlayer .point").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
            await Assertions.Expect(page.Locator(".ls-churn-members .ls-member-reasons li").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-drivers-dark"), FullPage = true });
            await page.GotoAsync(App.BaseUrl + "/churn/model");
            await Assertions.Expect(page.Locator("#churn-calibration .scatterlayer .trace").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("churn-model-dark"), FullPage = true });
        }
        finally
        {
            await WaitForInteractiveAsync(page);
            await ToggleDarkModeAsync(page);
        }
    }

    private static string LowerFirst(string label) => char.IsDigit(label[0]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
}

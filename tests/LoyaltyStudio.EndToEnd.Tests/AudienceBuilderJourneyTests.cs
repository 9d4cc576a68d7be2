using System.Globalization;
using System.Text.RegularExpressions;
using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>A marketer builds an audience condition by condition watching the live count, saves it, and reads the RFM and overlap pages.</summary>
[Collection(ScoredBrowserJourneys.Name)]
public sealed class AudienceBuilderJourneyTests(ScoredRunningApp app) : BrowserJourney(app)
{
    private static readonly AudienceCondition HighRisk = AudienceCondition.Of(AudienceFieldCatalog.RiskBand, AudienceOperator.Is, "High");
    private static readonly AudienceCondition EmailConsent = AudienceCondition.Of(AudienceFieldCatalog.EmailConsent, AudienceOperator.Is, "yes");

    /// <summary>What the audience service counts for these conditions in the app's own database, as the page prints it.</summary>
    private async Task<string> ExpectedCountAsync(params AudienceCondition[] conditions)
    {
        var evaluation = await App.Services.GetRequiredService<SavedAudienceService>()
            .EvaluateAsync(AudienceRules.Of(AudienceRuleGroup.All(conditions)));
        Assert.True(evaluation.Size.Customers > 0, "the scored demo set should have high-risk customers");
        return evaluation.Size.Customers.ToString("N0", CultureInfo.CurrentCulture);
    }

    // The first count compiles the audience query; on a busy two-core machine that can take longer than Expect's 5 s.
    private static readonly LocatorAssertionsToHaveTextOptions CountArrives = new() { Timeout = 30_000 };

    private static async Task PickAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(item, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>Clicks the theme toggle and waits until MudBlazor's background colour has changed.</summary>
    private static async Task ToggleDarkModeAsync(IPage page)
    {
        const string Background = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";
        var before = await page.EvaluateAsync<string>(Background);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Toggle dark mode" }).ClickAsync();
        await page.WaitForFunctionAsync($"before => {Background} !== before", before);
    }

    [Fact]
    public async Task Marketer_builds_and_saves_an_audience_then_reads_rfm_and_overlap()
    {
        var highRisk = await ExpectedCountAsync(HighRisk);
        var highRiskWithEmail = await ExpectedCountAsync(HighRisk, EmailConsent);
        var name = "High risk, e-mail ok " + Guid.NewGuid().ToString("N")[..6];

        var page = await NewLaptopPageAsync();
        await page.GotoAsync(App.BaseUrl + "/segments/audiences/new");
        await SignInAsync(page, "marketer@demo.local");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "New audience" })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);

        await PickAsync(page, page.Locator("[data-condition='1'] .ls-field"), "Churn risk band");
        await PickAsync(page, page.Locator("[data-condition='1'] .ls-value"), "High");
        await Assertions.Expect(page.Locator(".ls-live-count")).ToHaveTextAsync(highRisk, CountArrives);

        await page.Locator(".ls-add-condition").First.ClickAsync();
        await PickAsync(page, page.Locator("[data-condition='2'] .ls-field"), "Consent: e-mail");
        await Assertions.Expect(page.Locator(".ls-live-count")).ToHaveTextAsync(highRiskWithEmail, CountArrives);
        await Assertions.Expect(page.Locator(".ls-audience-preview tbody tr").First).ToContainTextAsync("*");
        await Assertions.Expect(page.Locator(".ls-live-clv")).ToHaveTextAsync(new Regex("[0-9]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("audience-builder-light") });

        await page.Locator("#audience-name").FillAsync(name);
        await page.Locator(".ls-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments/audiences\\?saved=[0-9]+$"));
        var row = page.Locator("tr[data-audience-id]", new PageLocatorOptions { HasText = name });
        await Assertions.Expect(row.Locator(".ls-size")).ToHaveTextAsync(highRiskWithEmail);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("audiences-list-light") });

        await page.GotoAsync(App.BaseUrl + "/segments/rfm");
        await Assertions.Expect(page.Locator(".ls-rfm-segments tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-segment='rfm:champions'] .ls-customers")).ToHaveTextAsync(new Regex("^[1-9][0-9,]*$"));
        await Assertions.Expect(page.Locator(".ls-rfm-grid .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ls-rfm-movement")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-rfm-light"), FullPage = true });

        await page.GotoAsync(App.BaseUrl + "/segments/overlap");
        await Assertions.Expect(page.Locator(".ls-overlap-table")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator(".ls-overlap-chart .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-overlap-light"), FullPage = true });

        // Dark mode is remembered per user: switch it on for the dark screenshots, and off again at the end.
        await WaitForInteractiveAsync(page);
        await ToggleDarkModeAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-overlap-dark"), FullPage = true });
        await page.GotoAsync(App.BaseUrl + "/segments/rfm");
        await Assertions.Expect(page.Locator(".ls-rfm-grid .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-rfm-dark"), FullPage = true });
        await page.GotoAsync(App.BaseUrl + "/segments/audiences");
        await Assertions.Expect(page.Locator("tr[data-audience-id]", new PageLocatorOptions { HasText = name }).Locator("a")).ToBeVisibleAsync();
        await page.Locator("tr[data-audience-id]", new PageLocatorOptions { HasText = name }).Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator(".ls-live-count")).ToHaveTextAsync(highRiskWithEmail, CountArrives);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("audience-builder-dark") });
        await WaitForInteractiveAsync(page);
        await ToggleDarkModeAsync(page);
    }
}

using System.Globalization;
using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>A marketer signs in in a real browser and sees the home dashboard drawn from the database.</summary>
public sealed class HomeDashboardJourneyTests(RunningApp app) : BrowserJourney(app)
{

    [Fact]
    public async Task Marketer_signs_in_and_sees_real_tiles_and_the_revenue_chart()
    {
        var page = await NewLaptopPageAsync();

        await page.GotoAsync(App.BaseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await SignInAsync(page, "marketer@demo.local", "Demo!2345");

        var customersTile = page.Locator("[data-kpi=customers]");
        await Assertions.Expect(customersTile).ToBeVisibleAsync();
        await Assertions.Expect(customersTile).ToContainTextAsync(
            RunningApp.DemoCustomers.ToString("N0", CultureInfo.GetCultureInfo("en-US")));
        foreach (var tile in new[] { "active", "revenue", "liability" })
            await Assertions.Expect(page.Locator($"[data-kpi={tile}] .ls-kpi-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[0-9]"));

        // Plotly draws bars as SVG paths inside the chart once the data has arrived over the circuit; a month or
        // channel without revenue is drawn as a path of zero height, so count the bars that have a height.
        var bars = page.Locator("#revenue-by-channel g.point path");
        await Assertions.Expect(bars.First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
        var drawn = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('#revenue-by-channel g.point path')].filter(p => p.getBBox().height > 0).length");
        Assert.True(drawn >= 3, $"the monthly revenue chart should draw bars for several months and channels, drew {drawn}");

        await Assertions.Expect(page.GetByText("marketer@demo.local").Or(page.GetByText("Demo Marketer")).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("home-marketer"), FullPage = true });
    }

    [Fact]
    public async Task Wrong_password_shows_a_clear_message_in_the_browser()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/account/sign-in");
        await SignInAsync(page, "manager@demo.local", "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("sign-in-wrong-password") });
    }
}

using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Base of the browser journeys: a Chromium per test class against the shared <see cref="RunningApp"/>,
/// pages the size of a 1366×768 laptop screen, and signing in through the real form.
/// </summary>
[Collection(BrowserJourneys.Name)]
public abstract class BrowserJourney(RunningApp app) : IAsyncLifetime
{
    public const string DemoPassword = "Demo!2345";

    private IPlaywright _playwright = null!;

    protected RunningApp App { get; } = app;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    protected Task<IPage> NewLaptopPageAsync() =>
        Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

    /// <summary>
    /// Waits until the page's interactive circuit is attached. Pages are prerendered, and the first interactive render
    /// replaces the prerendered inputs, so typing before then would be lost.
    /// </summary>
    protected static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator(".ls-interactive-marker[data-interactive='true']")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    protected static async Task SignInAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }
}

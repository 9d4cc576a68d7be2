using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Launches Debian's Chromium through Playwright. Playwright cannot download its own browsers here,
/// so the binary comes from the system (<c>/usr/bin/chromium</c>, or <c>LOYALTY_CHROMIUM</c>).
/// </summary>
public static class Chromium
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("LOYALTY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. Install it with 'apt-get install -y chromium' " +
                "(./test.sh does this when run as root) or set LOYALTY_CHROMIUM to a Chromium binary.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
        return (playwright, browser);
    }
}

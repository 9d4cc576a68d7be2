using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>Support looks a customer up by e-mail and opens the profile; a marketer sees the same customer masked.</summary>
public sealed class CustomerLookupJourneyTests(RunningApp app) : BrowserJourney(app)
{

    /// <summary>A demo customer with orders, points and contact details, read from the app's own database.</summary>
    private async Task<Customer> CustomerWithHistoryAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>().CreateDbContextAsync();
        return await db.Customers.AsNoTracking()
            .Where(c => c.Email != null && c.Phone != null
                && db.Orders.Count(o => o.CustomerId == c.Id) >= 3
                && db.PointsLedger.Any(p => p.CustomerId == c.Id))
            .OrderBy(c => c.Id)
            .FirstAsync();
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewLaptopPageAsync();
        await page.GotoAsync(App.BaseUrl + "/customers");
        await SignInAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Customers" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Support_finds_a_customer_by_e_mail_and_sees_orders_and_points()
    {
        var customer = await CustomerWithHistoryAsync();
        var page = await SignedInPageAsync("support@demo.local");

        // The search lives in the address bar (?q=), so a search can be shared and works before the interactive
        // circuit is up; typing into the box is covered by the marketer journey below.
        await page.GotoAsync(App.BaseUrl + "/customers?q=" + Uri.EscapeDataString(customer.Email!));

        var link = page.Locator($"[data-customer-id='{customer.Id}'] a");
        await Assertions.Expect(link).ToHaveTextAsync(customer.DisplayName);
        await Assertions.Expect(page.Locator($"[data-customer-id='{customer.Id}']")).ToContainTextAsync(customer.Email!);
        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/customers/{customer.Id}$"));
        await Assertions.Expect(page.Locator(".ls-customer-name")).ToHaveTextAsync(customer.DisplayName);
        await Assertions.Expect(page.Locator(".ls-email")).ToHaveTextAsync(customer.Email!);
        // Expect waits (CountAsync would not): the orders may arrive a moment after the name while the circuit attaches.
        await Assertions.Expect(page.Locator(".ls-order").Nth(2)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-kpi=points] .ls-kpi-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[0-9] pts"));
        await Assertions.Expect(page.Locator(".ls-customer-ledger tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ls-not-scored")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("customer-profile-support") });
    }

    [Fact]
    public async Task Marketer_sees_the_same_customer_masked()
    {
        var customer = await CustomerWithHistoryAsync();
        var page = await SignedInPageAsync("marketer@demo.local");
        await Assertions.Expect(page.Locator(".ls-masked-notice")).ToContainTextAsync("external id only");

        await WaitForInteractiveAsync(page);
        await page.Locator("#customer-search").FillAsync(customer.ExternalId);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();

        var row = page.Locator($"[data-customer-id='{customer.Id}']");
        await Assertions.Expect(row).ToContainTextAsync("***");
        await row.Locator("a").ClickAsync();

        await Assertions.Expect(page.Locator(".ls-customer-name")).ToContainTextAsync("***");
        await Assertions.Expect(page.Locator(".ls-email")).ToContainTextAsync("***@");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(customer.Email!, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(customer.Phone!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.DisplayName, text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("customer-profile-marketer") });
    }
}

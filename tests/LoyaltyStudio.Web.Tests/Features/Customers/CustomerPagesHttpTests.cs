using System.Net;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Customers;

/// <summary>The customer pages through real HTTP: the HTML each role receives, masked or not.</summary>
public sealed class CustomerPagesHttpTests(LoyaltyWebFactory factory) : IClassFixture<LoyaltyWebFactory>
{
    private async Task<Customer> KnownCustomerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Customers.AsNoTracking().Where(c => c.Email != null && c.Phone != null).OrderBy(c => c.Id).FirstAsync();
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, $"{role}@demo.local", LoyaltyWebFactory.DemoPassword);
        return browser;
    }

    // Blazor's encoder escapes more than WebUtility does (e.g. '+'), so tests compare against the decoded page.
    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Support_searches_by_e_mail_and_sees_the_customer_in_full()
    {
        var customer = await KnownCustomerAsync();
        using var browser = await SignedInAsync("support");

        using var response = await browser.GetAsync($"/customers?q={Uri.EscapeDataString(customer.Email!)}");
        var body = await TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(customer.Email!, body, StringComparison.Ordinal);
        Assert.Contains(customer.DisplayName, body, StringComparison.Ordinal);
        Assert.Contains($"customers/{customer.Id}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marketer_gets_masked_search_results_without_the_full_e_mail()
    {
        var customer = await KnownCustomerAsync();
        using var browser = await SignedInAsync("marketer");

        using var response = await browser.GetAsync($"/customers?q={customer.ExternalId}");
        var body = await TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PersonalDataMask.Email(customer.Email)!, body, StringComparison.Ordinal);
        Assert.Contains(PersonalDataMask.Name(customer.DisplayName), body, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.Email!, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(customer.DisplayName, body, StringComparison.Ordinal);
        Assert.Contains("external id only", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marketer_searching_by_e_mail_finds_nothing_and_learns_nothing()
    {
        var customer = await KnownCustomerAsync();
        using var browser = await SignedInAsync("marketer");

        using var response = await browser.GetAsync($"/customers?q={Uri.EscapeDataString(customer.Email!)}");
        var body = await TextOfAsync(response);

        Assert.DoesNotContain($"customers/{customer.Id}\"", body, StringComparison.Ordinal);
        Assert.Contains("No customer matches", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marketer_profile_hides_name_e_mail_and_phone()
    {
        var customer = await KnownCustomerAsync();
        using var browser = await SignedInAsync("marketer");

        using var response = await browser.GetAsync($"/customers/{customer.Id}");
        var body = await TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PersonalDataMask.Email(customer.Email)!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.Email!, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(customer.Phone!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.DisplayName, body, StringComparison.Ordinal);
        Assert.Contains(customer.ExternalId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_profile_shows_name_e_mail_and_phone_in_full()
    {
        var customer = await KnownCustomerAsync();
        using var browser = await SignedInAsync("admin");

        using var response = await browser.GetAsync($"/customers/{customer.Id}");
        var body = await TextOfAsync(response);

        Assert.Contains(customer.Email!, body, StringComparison.Ordinal);
        Assert.Contains(customer.Phone!, body, StringComparison.Ordinal);
        Assert.Contains(customer.DisplayName, body, StringComparison.Ordinal);
        Assert.Contains("Not scored yet", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_customer_gets_a_friendly_message_inside_the_layout()
    {
        using var browser = await SignedInAsync("support");

        using var response = await browser.GetAsync("/customers/987654321");
        var body = await TextOfAsync(response);

        Assert.Contains("We could not find that customer", body, StringComparison.Ordinal);
        Assert.Contains("Sign out", body, StringComparison.Ordinal);
    }
}

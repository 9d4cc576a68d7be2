using System.Net;
using LoyaltyStudio.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Integration;

public sealed class SignInTests(LoyaltyWebFactory factory) : IClassFixture<LoyaltyWebFactory>
{
    [Fact]
    public async Task Wrong_password_shows_a_clear_message_counting_down_to_lockout_without_a_stack_trace()
    {
        using var browser = factory.CreateBrowser();

        using var first = await SignInForm.PostAsync(browser, "marketer@demo.local", "not-the-password");
        var firstPage = await first.Content.ReadAsStringAsync();
        using var second = await SignInForm.PostAsync(browser, "marketer@demo.local", "still-wrong");
        var secondPage = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("E-mail or password is wrong. 4 attempts left before the account is locked.", SignInForm.Message(firstPage));
        Assert.Equal("E-mail or password is wrong. 3 attempts left before the account is locked.", SignInForm.Message(secondPage));
        Assert.DoesNotContain("Exception", firstPage);
        Assert.DoesNotContain(" at LoyaltyStudio", firstPage);
        using var home = await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_plain_message()
    {
        using var browser = factory.CreateBrowser();

        using var response = await SignInForm.PostAsync(browser, "nobody@demo.local", "whatever");

        Assert.Equal("E-mail or password is wrong.", SignInForm.Message(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_password_is_refused_as_locked_out()
    {
        using var browser = factory.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInForm.PostAsync(browser, "support@demo.local", $"wrong-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var sixth = await SignInForm.PostAsync(browser, "support@demo.local", LoyaltyWebFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.StartsWith("This account is locked after 5 failed attempts.", SignInForm.Message(await sixth.Content.ReadAsStringAsync()));
        using var home = await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", home.Headers.Location!.AbsolutePath);
        // Locked for the 15 minutes the page and the README promise, counted from the fifth wrong password.
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LoyaltyUser>>();
        var lockedUntil = await users.GetLockoutEndDateAsync((await users.FindByEmailAsync("support@demo.local"))!);
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Sign_in_page_lists_the_demo_accounts_in_demo_mode()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetStringAsync("/account/sign-in");

        foreach (var email in new[] { "admin@demo.local", "marketer@demo.local", "manager@demo.local", "support@demo.local" })
            Assert.Contains(email, page);
    }
}

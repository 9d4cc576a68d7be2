using System.Net;
using System.Text.RegularExpressions;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LoyaltyStudio.Web.Tests.Integration;

/// <summary>
/// The real app over real HTTP, on its own SQLite file in a temp data folder, in demo mode with a small
/// demo data set so that start-up stays quick.
/// </summary>
public sealed class LoyaltyWebFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo!2345";

    public string DataFolder { get; } = TempFolder.Create("web");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Customers", "200");
        // Tests decide when to score: no start-up, daily or incremental runs in the background.
        builder.UseSetting("Scoring:Enabled", "false");
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(DataFolder);
    }
}

/// <summary>Signs in through the real sign-in form: fetch it, take the antiforgery token, post it back.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/account/sign-in" : $"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await browser.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(path, form);
    }

    public static async Task SignInAsync(HttpClient browser, string email, string password)
    {
        using var response = await PostAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    /// <summary>The error or lockout message the page shows, decoded.</summary>
    public static string? Message(string html)
    {
        var match = MessagePattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"ls-message error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex MessagePattern();
}

using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace LoyaltyStudio.Web.Tests.Integration;

public sealed partial class AccessMatrixTests(LoyaltyWebFactory factory) : IClassFixture<LoyaltyWebFactory>
{
    private static readonly string[] AreaRoutes =
        ["/", "/segments", "/churn", "/campaigns", "/offers", "/retention", "/customers", "/privacy", "/admin"];

    // ARCHITECTURE.md, "Who sees what", written out in full: the areas each role may open.
    private static readonly Dictionary<string, string[]> AllowedAreas = new()
    {
        ["admin"] = ["/", "/segments", "/churn", "/campaigns", "/offers", "/retention", "/customers", "/privacy", "/admin"],
        ["marketer"] = ["/", "/segments", "/churn", "/campaigns", "/offers", "/retention", "/customers"],
        ["manager"] = ["/", "/segments", "/churn", "/campaigns", "/offers", "/retention", "/customers"],
        ["support"] = ["/", "/customers"],
    };

    // Pages anyone may open: signing in, being told "no", and the 404 page (which needs sign-in like every page).
    private static readonly string[] OutsideTheAreas = ["/account/sign-in", "/account/access-denied", "/not-found"];

    public static TheoryData<string> Areas => new(AreaRoutes);

    // Role, route, may open.
    public static TheoryData<string, string, bool> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var (role, routes) in AllowedAreas)
                foreach (var area in AreaRoutes)
                    data.Add(role, area, routes.Contains(area));
            return data;
        }
    }

    /// <summary>
    /// Every page route of the app (found in its assembly, so a page added later is covered without editing this test),
    /// with route parameters filled in, for every role: a page belongs to the area of its first path segment.
    /// </summary>
    public static TheoryData<string, string, bool> EveryPageRoute
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var route in PageRoutes().Where(r => !OutsideTheAreas.Contains(r)))
                foreach (var (role, areas) in AllowedAreas)
                    data.Add(role, route, areas.Contains(AreaOf(route)));
            return data;
        }
    }

    private static IEnumerable<string> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => RouteParameter().Replace(r.Template, "1"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string AreaOf(string route) => "/" + route.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public void Every_page_belongs_to_an_area_of_the_table_or_is_one_of_the_open_pages()
    {
        var routes = PageRoutes().ToList();

        Assert.Contains("/segments/rfm", routes); // the discovery finds pages added after the table's first areas
        Assert.All(routes.Where(r => !OutsideTheAreas.Contains(r)), r => Assert.Contains(AreaOf(r), AreaRoutes));
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task Anonymous_request_for_an_area_is_sent_to_sign_in(string area)
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync(area);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(area)}", response.Headers.Location.Query);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_opens_exactly_the_areas_the_table_allows(string role, string area, bool allowed)
    {
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, $"{role}@demo.local", LoyaltyWebFactory.DemoPassword);

        using var response = await browser.GetAsync(area);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("LoyaltyStudio", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
            using var denied = await browser.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("not part of your role", await denied.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(EveryPageRoute))]
    public async Task Every_page_is_guarded_by_its_areas_policy_on_the_server(string role, string route, bool allowed)
    {
        using var anonymous = factory.CreateBrowser();
        using (var notSignedIn = await anonymous.GetAsync(route))
        {
            Assert.Equal(HttpStatusCode.Found, notSignedIn.StatusCode);
            Assert.Equal("/account/sign-in", notSignedIn.Headers.Location!.AbsolutePath);
        }
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, $"{role}@demo.local", LoyaltyWebFactory.DemoPassword);

        using var response = await browser.GetAsync(route);

        if (allowed)
        {
            // Route parameters are filled with 1, which may name nothing: "not found" is an answer, a redirect is not.
            Assert.True(response.StatusCode == HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.NotFound && route.EndsWith("/1", StringComparison.Ordinal)),
                $"{role} opening {route}: {(int)response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain("not part of your role", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for()
    {
        using var browser = factory.CreateBrowser();

        using var response = await SignInForm.PostAsync(browser, "manager@demo.local", LoyaltyWebFactory.DemoPassword, "/retention");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/retention", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Sign_in_ignores_a_return_url_to_another_site()
    {
        using var browser = factory.CreateBrowser();

        using var response = await SignInForm.PostAsync(browser, "manager@demo.local", LoyaltyWebFactory.DemoPassword, "https://evil.example/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        Assert.NotEqual("evil.example", response.Headers.Location.Host);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_and_ends_the_session()
    {
        using var browser = factory.CreateBrowser();
        await SignInForm.SignInAsync(browser, "admin@demo.local", LoyaltyWebFactory.DemoPassword);
        var home = await browser.GetStringAsync("/");

        using var forged = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await browser.GetAsync("/admin"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The layout's sign-out form has no antiforgery token.");
        using var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await browser.GetAsync("/admin");
        Assert.Equal("/account/sign-in", after.Headers.Location!.AbsolutePath);
    }
}

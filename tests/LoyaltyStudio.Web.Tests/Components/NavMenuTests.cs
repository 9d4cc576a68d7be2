using Bunit;
using LoyaltyStudio.Web.Components.Layout;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Components;

public sealed class NavMenuTests : ShellTestContext
{
    // Written out from ARCHITECTURE.md's table, not derived from the app's own lists.
    public static TheoryData<string, string[]> AreasByRole => new()
    {
        { "Admin", ["Home", "Segments", "Churn risk", "Campaigns", "Offers", "Retention", "Customers", "Privacy", "Admin"] },
        { "Marketer", ["Home", "Segments", "Churn risk", "Campaigns", "Offers", "Retention", "Customers"] },
        { "Manager", ["Home", "Segments", "Churn risk", "Campaigns", "Offers", "Retention", "Customers"] },
        { "Support", ["Home", "Customers"] },
    };

    [Theory]
    [MemberData(nameof(AreasByRole))]
    public void Menu_shows_exactly_the_areas_the_role_may_open(string role, string[] expected)
    {
        SignInAs($"{role.ToLowerInvariant()}@demo.local", role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void A_user_without_a_role_sees_only_home()
    {
        SignInAs("nobody@demo.local");

        var menu = Render<NavMenu>();

        Assert.Equal(["Home"], menu.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()));
    }
}

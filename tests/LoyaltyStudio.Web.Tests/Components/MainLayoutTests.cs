using Bunit;
using LoyaltyStudio.Web.Components.Layout;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor.Extensions;

namespace LoyaltyStudio.Web.Tests.Components;

public sealed class MainLayoutTests : ShellTestContext
{
    // Renders as it would once the server circuit is attached, unless told otherwise (the prerender).
    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment body, bool interactive = true)
    {
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return Render<MainLayout>(p => p.Add(l => l.Body, body));
    }

    [Fact]
    public void App_bar_shows_product_name_signed_in_user_and_role()
    {
        SignInAs("marketer@demo.local", "Marketer");

        var layout = RenderLayout(b => b.AddMarkupContent(0, "<p>page</p>"));

        Assert.Equal("LoyaltyStudio", layout.Find(".ls-product-name").TextContent.Trim());
        Assert.Equal("marketer@demo.local", layout.Find(".ls-user-name").TextContent.Trim());
        Assert.Equal("Marketer", layout.Find(".ls-user-role").TextContent.Trim());
        Assert.Equal("/account/sign-out".TrimStart('/'), layout.Find("form").GetAttribute("action"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Marker_says_whether_the_circuit_is_interactive(bool interactive, string expected)
    {
        SignInAs("marketer@demo.local", "Marketer");
        var layout = RenderLayout(b => { }, interactive);
        Assert.Equal(expected, layout.Find(".ls-interactive-marker").GetAttribute("data-interactive"));
    }

    [Fact]
    public void Dark_mode_toggle_saves_the_choice_for_the_signed_in_user()
    {
        SignInAs("manager@demo.local", "Manager");
        var layout = RenderLayout(b => b.AddMarkupContent(0, "<p>page</p>"));

        layout.Find("button.ls-theme-toggle").Click();
        layout.Find("button.ls-theme-toggle").Click();

        Assert.Equal([("id-manager@demo.local", true), ("id-manager@demo.local", false)], ThemePreferences.Saved);
    }

    [Fact]
    public void Stored_dark_mode_preference_is_applied_at_first_render()
    {
        ThemePreferences.StoredDarkMode = true;
        SignInAs("admin@demo.local", "Admin");

        var layout = RenderLayout(b => b.AddMarkupContent(0, "<p>page</p>"));

        Assert.True(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
    }

    [Fact]
    public void A_failing_page_shows_the_friendly_message_inside_the_layout_and_the_shell_lives_on()
    {
        SignInAs("support@demo.local", "Support");

        var layout = RenderLayout(b =>
        {
            b.OpenComponent<ThrowingComponent>(0);
            b.AddAttribute(1, nameof(ThrowingComponent.ShouldThrow), (Func<bool>)(() => true));
            b.CloseComponent();
        });

        Assert.Contains("Something went wrong on this page.", layout.Find(".ls-error-boundary").TextContent);
        Assert.Empty(layout.FindAll(".ls-thrown-content"));
        Assert.Equal("LoyaltyStudio", layout.Find(".ls-product-name").TextContent.Trim());
        Assert.NotEmpty(layout.FindAll(".mud-nav-link"));
    }

    [Fact]
    public void Try_again_renders_the_page_again()
    {
        SignInAs("support@demo.local", "Support");
        var broken = true;
        var boundary = Render<FriendlyErrorBoundary>(p => p.AddChildContent<ThrowingComponent>(
            c => c.Add(t => t.ShouldThrow, () => broken)));
        Assert.Single(boundary.FindAll(".ls-error-boundary"));
        broken = false;

        boundary.Find("button.ls-try-again").Click();

        Assert.Empty(boundary.FindAll(".ls-error-boundary"));
        Assert.Equal("recovered", boundary.Find(".ls-thrown-content").TextContent);
    }

    private sealed class ThrowingComponent : ComponentBase
    {
        [Parameter]
        public Func<bool> ShouldThrow { get; set; } = () => true;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (ShouldThrow())
                throw new InvalidOperationException("Broken on purpose");
            builder.AddMarkupContent(0, "<p class=\"ls-thrown-content\">recovered</p>");
        }
    }
}

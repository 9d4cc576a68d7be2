using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.Features.Segments.Audiences;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Overlap;

public sealed class OverlapPageTests : ShellTestContext
{
    // Generous: on a busy two-core machine the renderer may wait for a thread a while; the checks themselves are instant.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public OverlapPageTests()
    {
        Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());
        Services.AddSingleton<TimeProvider>(SegmentWorkspaceShop.Clock);
        SignInAs("marketer@demo.local", Roles.Marketer);
    }

    [Fact]
    public async Task Before_the_first_run_the_page_says_so()
    {
        await using var shop = await SegmentWorkspaceShop.WithoutRunAsync();
        Services.AddSingleton<IOverlapService>(shop.Overlap());

        var page = Render<OverlapPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".ls-no-scoring-run")), Patience);
        Assert.Empty(page.FindAll(".ls-overlap-table"));
    }

    [Fact]
    public async Task Matrix_table_shows_customers_in_both_and_the_share_of_the_row()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var audience = await shop.Audiences.CreateAsync("High risk", AudienceRules.Of(AudienceRuleGroup.All(SegmentWorkspaceShop.RiskBandIs("High"))), "test");
        Services.AddSingleton<IOverlapService>(shop.Overlap());
        Render<MudPopoverProvider>();

        var page = Render<OverlapPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".ls-overlap-table")), Patience);
        var cell = page.Find($".ls-overlap-table tr[data-item='audience-{audience.Id}'] td[data-column='segment-{shop.Micro2}']").TextContent;
        Assert.Contains("2", cell);
        Assert.Contains("100", cell);
        Assert.Contains("Showing 1 of 1 saved audiences", page.Find(".ls-overlap-limit").TextContent);
        Assert.Contains("Audience members counted 09:00 UTC (again every 2 minutes).", page.Find(".ls-overlap-counted-at").TextContent);
        Assert.Single(page.FindAll(".ls-overlap-chart"));
    }

    [Fact]
    public void Long_names_are_cut_on_the_chart_axes_and_kept_distinct()
    {
        var labels = OverlapMatrix.AxisLabels(["Short", "Coffee week Sep 2025: E-mail subscribers (campaign sent to a random 40 %)",
            "Coffee week Sep 2025: E-mail subscribers (other)"], max: 20);

        Assert.Equal(["Short", "Coffee week Sep 202…", "Coffee week Sep 202… (2)"], labels);
    }
}

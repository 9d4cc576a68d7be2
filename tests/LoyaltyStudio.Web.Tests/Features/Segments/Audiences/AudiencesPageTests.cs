using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

public sealed class AudiencesPageTests : ShellTestContext
{
    // Generous: on a busy two-core machine the renderer may wait for a thread a while; the checks themselves are instant.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public AudiencesPageTests() => Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());

    private void UseService(SegmentWorkspaceShop shop) => Services.AddSingleton<IAudienceWorkspaceService>(
        shop.Workspace());

    [Fact]
    public async Task Before_the_first_run_the_list_says_there_is_no_scoring_run_and_no_audience()
    {
        SignInAs("marketer@demo.local", Roles.Marketer);
        await using var shop = await SegmentWorkspaceShop.WithoutRunAsync();
        UseService(shop);

        var page = Render<AudiencesPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".ls-no-scoring-run")), Patience);
        Assert.Single(page.FindAll(".ls-no-audiences"));
        Assert.Single(page.FindAll(".ls-new-audience"));
    }

    [Fact]
    public async Task Saved_audiences_are_listed_with_their_live_size_and_a_manager_gets_no_new_button()
    {
        SignInAs("manager@demo.local", Roles.Manager);
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var saved = await shop.Audiences.CreateAsync("High risk", AudienceRules.Of(AudienceRuleGroup.All(SegmentWorkspaceShop.RiskBandIs("High"))), "marketer@test");
        UseService(shop);

        var page = Render<AudiencesPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("2", page.Find($"[data-audience-id='{saved.Id}'] .ls-size").TextContent.Trim()), Patience);
        Assert.Contains("High risk", page.Find($"[data-audience-id='{saved.Id}']").TextContent);
        Assert.Empty(page.FindAll(".ls-no-scoring-run"));
        Assert.Empty(page.FindAll(".ls-new-audience"));
    }
}

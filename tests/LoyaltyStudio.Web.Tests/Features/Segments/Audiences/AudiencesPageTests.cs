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

    public AudiencesPageTests()
    {
        Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());
        Services.AddSingleton<TimeProvider>(SegmentWorkspaceShop.Clock);
    }

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

    [Fact]
    public async Task Each_size_says_when_it_was_counted()
    {
        SignInAs("marketer@demo.local", Roles.Marketer);
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var saved = await shop.Audiences.CreateAsync("High risk", AudienceRules.Of(AudienceRuleGroup.All(SegmentWorkspaceShop.RiskBandIs("High"))), "marketer@test");
        UseService(shop);

        var page = Render<AudiencesPage>();

        // The shop's clock stands at 2 July 2026, 09:00 UTC: counted now, so only the time is shown.
        await page.WaitForAssertionAsync(() => Assert.Equal("counted 09:00 UTC", page.Find($"[data-audience-id='{saved.Id}'] .ls-counted-at").TextContent.Trim()), Patience);
        Assert.Contains("counted again every 2 minutes", page.Markup);
    }

    [Fact]
    public void A_size_counted_on_another_day_names_the_day()
    {
        var counted = new DateTime(2026, 7, 1, 23, 58, 0, DateTimeKind.Utc);

        Assert.Equal("counted 23:58 UTC", AudienceList.CountedText(counted, counted.AddMinutes(1)));
        Assert.Equal("counted 1 Jul 23:58 UTC", AudienceList.CountedText(counted, counted.AddMinutes(3)));
    }

    [Fact]
    public async Task Opening_an_audience_whose_rules_cannot_be_read_names_it_above_an_empty_builder_and_saving_says_it_replaces_them()
    {
        SignInAs("marketer@demo.local", Roles.Marketer);
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        long id;
        await using (var db = shop.Database.Factory.CreateDbContext())
        {
            var old = new Domain.Segments.SavedAudience("Old format", """{"rules":[]}""", "simulator", SegmentWorkspaceShop.Clock.GetUtcNow().UtcDateTime);
            db.SavedAudiences.Add(old);
            await db.SaveChangesAsync();
            id = old.Id;
        }
        UseService(shop);
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<AudienceBuilderPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".ls-unreadable-rules")), Patience);
        var message = page.Find(".ls-unreadable-rules").TextContent;
        Assert.Contains("Audience 'Old format' is stored in a format this version cannot read", message, StringComparison.Ordinal);
        Assert.Contains("saving replaces the stored rules", message, StringComparison.Ordinal);
        Assert.Equal("Replace the stored rules", page.Find("button.ls-save").TextContent.Trim());
        Assert.Equal("Old format", page.Find("h1").TextContent.Trim());
    }
}

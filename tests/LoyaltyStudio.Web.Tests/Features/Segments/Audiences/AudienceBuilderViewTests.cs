using System.Globalization;
using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using LoyaltyStudio.Web.Tests.TestSupport;
using MudBlazor;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

public sealed class AudienceBuilderViewTests : ShellTestContext
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public AudienceBuilderViewTests() => SignInAs("marketer@demo.local", Roles.Marketer);

    private static async Task<(AudienceEditorView Editor, AudienceDraftGroup Root, AudienceLiveResult Live)> BuildAsync(
        SegmentWorkspaceShop shop, System.Security.Claims.ClaimsPrincipal user, params AudienceCondition[] conditions)
    {
        var service = shop.Workspace();
        var editor = (await service.EditorAsync(user, null))!;
        var root = AudienceDraftGroup.From(AudienceRuleGroup.All(conditions));
        return (editor, root, await service.EvaluateAsync(user, root.ToRules()));
    }

    private IRenderedComponent<AudienceBuilderView> RenderBuilder(AudienceEditorView editor, AudienceDraftGroup root, AudienceLiveResult? live, bool evaluating = false)
    {
        Render<MudPopoverProvider>();
        return Render<AudienceBuilderView>(p => p
            .Add(v => v.Editor, editor).Add(v => v.Root, root).Add(v => v.Live, live)
            .Add(v => v.Evaluating, evaluating).Add(v => v.Culture, English));
    }

    [Fact]
    public async Task Valid_rules_show_the_live_count_clv_sum_and_a_masked_preview()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var (editor, root, live) = await BuildAsync(shop, SegmentWorkspaceShop.Marketer,
            SegmentWorkspaceShop.RiskBandIs("High"), SegmentWorkspaceShop.EmailConsent(true));

        var view = RenderBuilder(editor, root, live);

        Assert.Equal("1", view.Find(".ls-live-count").TextContent.Trim());
        Assert.Equal("$50", view.Find(".ls-live-clv").TextContent.Trim());
        Assert.Contains("A** J****", view.Find(".ls-audience-preview").TextContent);
        Assert.DoesNotContain("Ana Jones", view.Markup);
        Assert.Empty(view.FindAll(".ls-condition-problem"));
        Assert.Single(view.FindAll("button.ls-save"));
    }

    [Fact]
    public async Task A_validation_message_shows_beside_the_faulty_condition_only()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var (editor, root, live) = await BuildAsync(shop, SegmentWorkspaceShop.Marketer,
            SegmentWorkspaceShop.RiskBandIs("High"), AudienceCondition.Of(AudienceFieldCatalog.LifetimeValue, AudienceOperator.AtLeast, "lots"));

        var view = RenderBuilder(editor, root, live);

        Assert.Contains("needs a number, got 'lots'", view.Find("[data-condition='2'] .ls-condition-problem").TextContent);
        Assert.Empty(view.FindAll("[data-condition='1'] .ls-condition-problem"));
        Assert.Empty(view.FindAll(".ls-live-count"));
        Assert.Contains("Fix the marked conditions", view.Find(".ls-live-invalid").TextContent);
    }

    [Fact]
    public async Task While_a_count_is_on_its_way_the_live_panel_shows_progress()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var (editor, root, _) = await BuildAsync(shop, SegmentWorkspaceShop.Marketer, SegmentWorkspaceShop.RiskBandIs("High"));

        var view = RenderBuilder(editor, root, live: null, evaluating: true);

        Assert.Single(view.FindAll(".ls-evaluating"));
        Assert.Empty(view.FindAll(".ls-live-count"));
    }

    [Fact]
    public async Task Manager_sees_the_rules_and_the_count_read_only_without_save_or_remove_buttons()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var (editor, root, live) = await BuildAsync(shop, SegmentWorkspaceShop.Manager, SegmentWorkspaceShop.RiskBandIs("High"));

        var view = RenderBuilder(editor, root, live);

        Assert.False(editor.CanEdit);
        Assert.Single(view.FindAll(".ls-read-only"));
        Assert.Equal("2", view.Find(".ls-live-count").TextContent.Trim());
        Assert.Empty(view.FindAll("button.ls-save"));
        Assert.Empty(view.FindAll(".ls-audience-name"));
        Assert.Empty(view.FindAll(".ls-add-condition"));
        Assert.Empty(view.FindAll(".ls-remove-condition"));
        Assert.All(view.FindAll(".ls-condition input"), input => Assert.True(input.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Adding_a_condition_in_the_view_reports_the_change_and_draws_a_new_empty_condition()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var (editor, root, live) = await BuildAsync(shop, SegmentWorkspaceShop.Marketer, SegmentWorkspaceShop.RiskBandIs("High"));
        var changes = 0;
        Render<MudPopoverProvider>();
        var view = Render<AudienceBuilderView>(p => p
            .Add(v => v.Editor, editor).Add(v => v.Root, root).Add(v => v.Live, live).Add(v => v.Culture, English)
            .Add(v => v.OnChanged, () => { changes++; root.Renumber(); }));

        await view.Find("button.ls-add-condition").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        Assert.Equal(1, changes);
        Assert.Equal(2, root.Conditions.Count);
        Assert.Equal(2, view.FindAll(".ls-condition").Count);
    }
}

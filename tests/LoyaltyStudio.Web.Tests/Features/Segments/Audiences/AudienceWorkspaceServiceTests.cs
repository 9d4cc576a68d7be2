using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using static LoyaltyStudio.Web.Tests.Features.Segments.Audiences.SegmentWorkspaceShop;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

public sealed class AudienceWorkspaceServiceTests : IAsyncLifetime
{
    private SegmentWorkspaceShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ScoredAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private AudienceWorkspaceService Service() => _shop.Workspace();

    private static AudienceRules Rules(AudienceRuleGroup root) => AudienceRules.Of(root);

    [Fact]
    public async Task High_risk_with_e_mail_consent_counts_one_customer_and_sums_her_clv()
    {
        var live = await Service().EvaluateAsync(Marketer, Rules(AudienceRuleGroup.All(RiskBandIs("High"), EmailConsent(true))));

        Assert.True(live.IsValid);
        Assert.Equal(new AudienceSize(1, 50m, 0), live.Size);
        Assert.Equal([_shop.Ana], live.Preview.Select(p => p.Id));
    }

    [Fact]
    public async Task Or_group_adds_the_branches_and_leaves_out_the_clv_of_customers_without_profiling_consent()
    {
        // Low risk: Jane, John. No e-mail consent: Bob. Eve (no profiling consent) matches no score condition.
        var live = await Service().EvaluateAsync(Marketer, Rules(AudienceRuleGroup.Any(RiskBandIs("Low"), EmailConsent(false))));

        Assert.Equal(new AudienceSize(3, 310m, 0), live.Size);

        var everyoneWithEmail = await Service().EvaluateAsync(Marketer, Rules(AudienceRuleGroup.All(EmailConsent(true))));
        // Jane, John, Ana, Eve, Max; Eve's CLV is not counted, Max has no score.
        Assert.Equal(new AudienceSize(5, 350m, 1), everyoneWithEmail.Size);
    }

    [Fact]
    public async Task Faulty_rules_return_the_validators_messages_numbered_by_condition_and_no_size()
    {
        var rules = Rules(AudienceRuleGroup.All(RiskBandIs("High"), AudienceCondition.Of(AudienceFieldCatalog.LifetimeValue, AudienceOperator.AtLeast, "lots")));

        var live = await Service().EvaluateAsync(Marketer, rules);

        Assert.False(live.IsValid);
        Assert.Null(live.Size);
        Assert.Empty(live.Preview);
        var problem = Assert.Single(AudienceDraftGroup.ProblemsOfCondition(live.Problems, 2));
        Assert.Contains("needs a number", problem, StringComparison.Ordinal);
        Assert.Empty(AudienceDraftGroup.ProblemsOfCondition(live.Problems, 1));
    }

    [Fact]
    public async Task Preview_masks_names_and_e_mail_for_a_marketer_but_not_for_an_admin()
    {
        var rules = Rules(AudienceRuleGroup.All(RiskBandIs("High"), EmailConsent(true)));

        var masked = Assert.Single((await Service().EvaluateAsync(Marketer, rules)).Preview);
        var plain = Assert.Single((await Service().EvaluateAsync(SegmentWorkspaceShop.Admin, rules)).Preview);

        Assert.Equal(("A** J****", "a***@e******.com"), (masked.Name, masked.Email));
        Assert.Equal(("Ana Jones", "ana.jones@example.com"), (plain.Name, plain.Email));
        Assert.Equal((Domain.Scoring.ChurnRiskBand.High, 50m), (plain.RiskBand, plain.LifetimeValue));
    }

    [Fact]
    public async Task Marketer_saves_an_audience_and_the_list_shows_it_with_its_live_size_and_author()
    {
        var saved = await Service().SaveAsync(Marketer, null, "  High risk, e-mail ok ", Rules(AudienceRuleGroup.All(RiskBandIs("High"), EmailConsent(true))));

        var list = await Service().ListAsync(Marketer);

        Assert.True(list.HasRun);
        Assert.True(list.CanEdit);
        var row = Assert.Single(list.Audiences);
        Assert.Equal((saved.Id, "High risk, e-mail ok", "marketer@test"), (row.Id, row.Name, row.CreatedBy));
        Assert.Equal(new AudienceSize(1, 50m, 0), row.Size);
        Assert.Null(row.Problem);
    }

    [Fact]
    public async Task Saving_an_opened_audience_changes_its_rules_and_renames_it()
    {
        var saved = await Service().SaveAsync(Marketer, null, "High risk", Rules(AudienceRuleGroup.All(RiskBandIs("High"))));

        await Service().SaveAsync(Marketer, saved.Id, "Low risk", Rules(AudienceRuleGroup.All(RiskBandIs("Low"))));

        var editor = (await Service().EditorAsync(Marketer, saved.Id))!;
        Assert.Equal("Low risk", editor.Audience!.Name);
        Assert.Equal("Low", editor.Audience.Rules.Root.Conditions.Single().Value);
        Assert.Equal(new AudienceSize(2, 300m, 0), Assert.Single((await Service().ListAsync(Marketer)).Audiences).Size);
    }

    [Fact]
    public async Task Saving_an_opened_audience_under_a_taken_name_is_refused_and_keeps_its_rules()
    {
        await Service().SaveAsync(Marketer, null, "Low risk", Rules(AudienceRuleGroup.All(RiskBandIs("Low"))));
        var saved = await Service().SaveAsync(Marketer, null, "High risk", Rules(AudienceRuleGroup.All(RiskBandIs("High"))));

        var refused = await Assert.ThrowsAsync<Domain.Common.DomainException>(
            () => Service().SaveAsync(Marketer, saved.Id, "low RISK", Rules(AudienceRuleGroup.All(RiskBandIs("Medium")))));

        Assert.Equal("There is already an audience called 'Low risk'; choose another name.", refused.Message);
        var editor = (await Service().EditorAsync(Marketer, saved.Id))!;
        Assert.Equal(("High risk", "High"), (editor.Audience!.Name, editor.Audience.Rules.Root.Conditions.Single().Value));
    }

    [Fact]
    public async Task Manager_may_read_but_saving_and_deleting_are_refused_on_the_server()
    {
        var saved = await Service().SaveAsync(Marketer, null, "High risk", Rules(AudienceRuleGroup.All(RiskBandIs("High"))));

        var editor = (await Service().EditorAsync(Manager, saved.Id))!;
        Assert.False(editor.CanEdit);
        Assert.Equal(new AudienceSize(2, 60m, 0), (await Service().EvaluateAsync(Manager, editor.Audience!.Rules)).Size);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().SaveAsync(Manager, null, "Mine", editor.Audience.Rules));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().SaveAsync(Manager, saved.Id, "Renamed", editor.Audience.Rules));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().DeleteAsync(Manager, saved.Id));

        var row = Assert.Single((await Service().ListAsync(Manager)).Audiences);
        Assert.Equal("High risk", row.Name);
    }

    [Fact]
    public async Task Deleted_audience_leaves_the_list_and_cannot_be_opened()
    {
        var saved = await Service().SaveAsync(Marketer, null, "High risk", Rules(AudienceRuleGroup.All(RiskBandIs("High"))));

        await Service().DeleteAsync(Marketer, saved.Id);

        Assert.Empty((await Service().ListAsync(Marketer)).Audiences);
        Assert.Null(await Service().EditorAsync(Marketer, saved.Id));
    }

    [Fact]
    public async Task Editor_offers_the_services_fields_and_the_segments_tiers_and_regions_to_pick()
    {
        var editor = (await Service().EditorAsync(Marketer, null))!;

        Assert.Null(editor.Audience);
        Assert.Equal(AudienceFieldCatalog.Fields.Select(f => f.Key), editor.Options.Fields.Select(f => f.Key));
        Assert.Contains(editor.Options.Reference.Segments, s => s.Key == "rfm:champions");
        Assert.Contains(editor.Options.Reference.Segments, s => s.Name == "Coffee regulars");
        Assert.Equal(["North"], editor.Options.Reference.Regions);
    }
}

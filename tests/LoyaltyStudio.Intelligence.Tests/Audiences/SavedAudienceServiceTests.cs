using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using static LoyaltyStudio.Intelligence.Audiences.AudienceOperator;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>Saving, renaming, changing, deleting and listing audiences on the hand-built shop.</summary>
public sealed class SavedAudienceServiceTests : IAsyncLifetime
{
    private static readonly AudienceRules HighRisk = AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.Of("riskBand", Is, "High")));
    private static readonly AudienceRules Gold = AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "gold")));
    private AudienceTestShop _shop = null!;
    private SavedAudienceService _service = null!;

    public async Task InitializeAsync()
    {
        _shop = await AudienceTestShop.CreateAsync();
        _service = new SavedAudienceService(_shop.Database.Factory, _shop.Clock);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_saved_audience_keeps_its_rules_normalised_and_evaluates_like_its_rules()
    {
        var saved = await _service.CreateAsync("  Gold members ", Gold, "marketer@example.test");

        var evaluation = await _service.EvaluateSavedAsync(saved.Id, previewSize: 10);

        Assert.Equal(("Gold members", "marketer@example.test", AudienceTestShop.Now), (saved.Name, saved.CreatedBy, saved.CreatedAt));
        Assert.Equal("GOLD", AudienceRulesJson.Read(saved.RulesJson).Root.Conditions[0].Value);
        Assert.Equal(("Ada,Cleo", 1500m), (_shop.Names(evaluation.PreviewCustomerIds), evaluation.Size.LifetimeValue));
    }

    [Fact]
    public async Task Names_are_unique_regardless_of_letter_case()
    {
        await _service.CreateAsync("Win-back", HighRisk, "m");
        var other = await _service.CreateAsync("Gold", Gold, "m");

        var created = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync("WIN-BACK", Gold, "m"));
        var renamed = await Assert.ThrowsAsync<DomainException>(() => _service.RenameAsync(other.Id, " win-back"));

        Assert.Equal("There is already an audience called 'Win-back'; choose another name.", created.Message);
        Assert.Equal(created.Message, renamed.Message);
    }

    [Fact]
    public async Task Renaming_to_its_own_name_in_another_case_is_allowed()
    {
        var saved = await _service.CreateAsync("win-back", HighRisk, "m");

        var renamed = await _service.RenameAsync(saved.Id, "Win-Back");

        Assert.Equal("Win-Back", (await _service.GetAsync(saved.Id)).Name);
        Assert.Equal("Win-Back", renamed.Name);
    }

    [Fact]
    public async Task Invalid_rules_are_not_saved()
    {
        var rules = AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.Of("microSegment", Is, "micro:99")));

        var error = await Assert.ThrowsAsync<AudienceRulesException>(() => _service.CreateAsync("Broken", rules, "m"));

        Assert.Equal("Condition 1: unknown segment 'micro:99'.", error.Message);
        Assert.Empty(await _service.ListAsync());
    }

    [Fact]
    public async Task Changing_the_rules_changes_the_count()
    {
        var saved = await _service.CreateAsync("Changing", HighRisk, "m");

        await _service.ChangeRulesAsync(saved.Id, Gold);

        var list = await _service.ListAsync();
        Assert.Equal(2, Assert.Single(list).Size!.Customers);
    }

    [Fact]
    public async Task List_shows_each_audience_with_its_current_count_and_explains_unreadable_ones()
    {
        await _service.CreateAsync("Gold", Gold, "m");
        await _service.CreateAsync("at risk", HighRisk, "m");
        // Audiences written by the simulator before the builder existed carry another format.
        await _shop.Database.AddAsync(new SavedAudience("Legacy", """{"rules":[],"sample":0.4}""", "simulator", AudienceTestShop.Now));

        var list = await _service.ListAsync();

        Assert.Equal(["at risk", "Gold", "Legacy"], list.Select(s => s.Audience.Name));
        Assert.Equal((2, 1000m), (list[0].Size!.Customers, list[0].Size!.LifetimeValue));
        Assert.Equal((2, 1500m), (list[1].Size!.Customers, list[1].Size!.LifetimeValue));
        Assert.Null(list[2].Size);
        Assert.StartsWith("Audience 'Legacy' is stored in a format this version cannot read: it is a flat list of rules", list[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_name_and_rules_together_stores_both()
    {
        var saved = await _service.CreateAsync("Win-back", HighRisk, "m");

        var changed = await _service.ChangeAsync(saved.Id, " Gold members ", Gold);

        var stored = await _service.GetAsync(saved.Id);
        Assert.Equal(("Gold members", "GOLD"), (stored.Name, AudienceRulesJson.Read(stored.RulesJson).Root.Conditions[0].Value));
        Assert.Equal(stored, changed);
        var evaluation = await _service.EvaluateSavedAsync(saved.Id, 10);
        Assert.Equal(("Ada,Cleo", 1500m), (_shop.Names(evaluation.PreviewCustomerIds), evaluation.Size.LifetimeValue));
    }

    [Fact]
    public async Task A_taken_name_refuses_the_whole_change_and_leaves_the_rules_as_they_were()
    {
        await _service.CreateAsync("Gold", Gold, "m");
        var saved = await _service.CreateAsync("Win-back", HighRisk, "m");

        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.ChangeAsync(saved.Id, "GOLD", Gold));

        Assert.Equal("There is already an audience called 'Gold'; choose another name.", refused.Message);
        var stored = await _service.GetAsync(saved.Id);
        Assert.Equal((saved.Name, saved.RulesJson, saved.UpdatedAt), (stored.Name, stored.RulesJson, stored.UpdatedAt));
    }

    [Fact]
    public async Task Refused_rules_refuse_the_whole_change_and_leave_the_name_as_it_was()
    {
        var saved = await _service.CreateAsync("Win-back", HighRisk, "m");
        var faulty = AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "PLATINUM")));

        var refused = await Assert.ThrowsAsync<AudienceRulesException>(() => _service.ChangeAsync(saved.Id, "Platinum", faulty));

        Assert.StartsWith("Condition 1: unknown tier 'PLATINUM'", refused.Message, StringComparison.Ordinal);
        var stored = await _service.GetAsync(saved.Id);
        Assert.Equal((saved.Name, saved.RulesJson), (stored.Name, stored.RulesJson));
    }

    [Fact]
    public async Task Deleting_removes_an_unused_audience_and_refuses_one_a_campaign_uses()
    {
        var unused = await _service.CreateAsync("Unused", Gold, "m");
        var used = await _service.CreateAsync("Used", HighRisk, "m");
        await _shop.Database.AddAsync(new Campaign("Spring win-back", "", used.Id, 0.1m, "m", AudienceTestShop.Now));

        await _service.DeleteAsync(unused.Id);
        var error = await Assert.ThrowsAsync<DomainException>(() => _service.DeleteAsync(used.Id));

        Assert.Equal("Audience 'Used' is used by campaign 'Spring win-back'; it cannot be deleted while a campaign uses it.", error.Message);
        Assert.Equal(["Used"], (await _service.ListAsync()).Select(s => s.Audience.Name));
        Assert.Equal("There is no saved audience " + unused.Id + "; it may have been deleted.",
            (await Assert.ThrowsAsync<DomainException>(() => _service.GetAsync(unused.Id))).Message);
    }

    [Fact]
    public async Task Editor_options_list_fields_segments_tiers_categories_and_regions()
    {
        var options = await _service.EditorOptionsAsync();

        Assert.Equal(AudienceFieldCatalog.Fields.Count, options.Fields.Count);
        Assert.Equal(["micro:1", "micro:2", "rfm:at-risk", "rfm:champions"], options.Reference.Segments.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["BRONZE", "SILVER", "GOLD"], options.Reference.Tiers.Select(t => t.Code));
        Assert.Equal(["East", "North", "South"], options.Reference.Regions);
    }
}

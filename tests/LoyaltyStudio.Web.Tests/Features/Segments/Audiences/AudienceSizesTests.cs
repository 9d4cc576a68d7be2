using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Web.Tests.Features.Segments.Audiences.SegmentWorkspaceShop;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

/// <summary>
/// The list's sizes kept in memory per current run and rule tree: served again until counted again, counted again at
/// once when an audience is saved, never served for other rules or another run.
/// </summary>
public sealed class AudienceSizesTests : IAsyncLifetime
{
    private SegmentWorkspaceShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ScoredAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private static AudienceRules EmailSubscribers => AudienceRules.Of(AudienceRuleGroup.All(EmailConsent(true)));

    private async Task<AudienceListRow> RowAsync(long id) => Assert.Single((await _shop.Workspace().ListAsync(Marketer)).Audiences, a => a.Id == id);

    [Fact]
    public async Task A_kept_size_is_served_with_its_counting_time_until_the_warmer_counts_again()
    {
        var saved = await _shop.Workspace().SaveAsync(Marketer, null, "E-mail subscribers", EmailSubscribers);
        var first = await RowAsync(saved.Id);
        await WithdrawEmailConsentAsync(_shop.Jane);

        var served = await RowAsync(saved.Id);
        await _shop.Sizes.ListAsync(fresh: true);
        var counted = await RowAsync(saved.Id);

        // Jane, John, Ana, Eve, Max; Eve's CLV is not counted, Max has no score.
        Assert.Equal(new AudienceSize(5, 350m, 1), first.Size);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, first.CountedAt);
        Assert.Equal((first.Size, first.CountedAt), (served.Size, served.CountedAt));
        Assert.Equal(new AudienceSize(4, 250m, 1), counted.Size);
    }

    [Fact]
    public async Task Saving_an_audience_again_counts_its_rules_again_at_once()
    {
        var saved = await _shop.Workspace().SaveAsync(Marketer, null, "E-mail subscribers", EmailSubscribers);
        Assert.Equal(5, (await RowAsync(saved.Id)).Size!.Customers);
        await WithdrawEmailConsentAsync(_shop.Jane);

        // Same rules, new name: the size is counted again all the same.
        await _shop.Workspace().SaveAsync(Marketer, saved.Id, "Newsletter readers", EmailSubscribers);

        var row = await RowAsync(saved.Id);
        Assert.Equal(("Newsletter readers", new AudienceSize(4, 250m, 1)), (row.Name, row.Size));
    }

    [Fact]
    public async Task An_audience_whose_rules_changed_is_never_served_the_size_of_its_old_rules()
    {
        var saved = await _shop.Workspace().SaveAsync(Marketer, null, "Risk", AudienceRules.Of(AudienceRuleGroup.All(RiskBandIs("High"))));
        Assert.Equal(new AudienceSize(2, 60m, 0), (await RowAsync(saved.Id)).Size);

        await _shop.Workspace().SaveAsync(Marketer, saved.Id, "Risk", AudienceRules.Of(AudienceRuleGroup.All(RiskBandIs("Low"))));

        // Jane and John.
        Assert.Equal(new AudienceSize(2, 300m, 0), (await RowAsync(saved.Id)).Size);
    }

    [Fact]
    public async Task Audiences_sharing_rules_share_one_count_and_a_deleted_one_leaves_the_list()
    {
        var workspace = _shop.Workspace();
        var a = await workspace.SaveAsync(Marketer, null, "A", EmailSubscribers);
        var b = await workspace.SaveAsync(Marketer, null, "B", EmailSubscribers);
        var list = await workspace.ListAsync(Marketer);

        await workspace.DeleteAsync(Marketer, a.Id);
        var after = await workspace.ListAsync(Marketer);

        Assert.Equal(list.Audiences[0].CountedAt, list.Audiences[1].CountedAt);
        Assert.Equal([b.Id], after.Audiences.Select(r => r.Id));
        Assert.Equal(5, after.Audiences[0].Size!.Customers);
    }

    [Fact]
    public async Task When_another_run_becomes_current_sizes_are_counted_for_it_not_served_from_the_old_one()
    {
        var champions = AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.OneOf(AudienceFieldCatalog.RfmSegment, "rfm:champions")));
        var saved = await _shop.Workspace().SaveAsync(Marketer, null, "Champions", champions);
        // Current run: Jane and John (CLV 100 + 200).
        Assert.Equal(new AudienceSize(2, 300m, 0), (await RowAsync(saved.Id)).Size);

        await MakePreviousRunCurrentAsync();

        // Previous run: John and Ana (CLV 180 + 70).
        Assert.Equal(new AudienceSize(2, 250m, 0), (await RowAsync(saved.Id)).Size);
    }

    [Fact]
    public async Task Keys_name_the_run_and_the_rules()
    {
        var rules = AudienceRulesJson.Write(EmailSubscribers);

        Assert.Equal(AudienceSizes.KeyOf(1, rules), AudienceSizes.KeyOf(1, rules));
        Assert.NotEqual(AudienceSizes.KeyOf(1, rules), AudienceSizes.KeyOf(2, rules));
        Assert.NotEqual(AudienceSizes.KeyOf(1, rules), AudienceSizes.KeyOf(1, AudienceRulesJson.Write(AudienceRules.Of(AudienceRuleGroup.All(EmailConsent(false))))));
    }

    private async Task WithdrawEmailConsentAsync(long customerId)
    {
        await using var db = _shop.Database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.ChangeConsent(new Consent(false, customer.Consent.Sms, customer.Consent.Push, customer.Consent.Profiling, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    internal static async Task MakePreviousRunCurrentAsync(SegmentWorkspaceShop shop)
    {
        await using var db = shop.Database.Factory.CreateDbContext();
        var runs = await db.ScoringRuns.Where(r => r.Status == ScoringRunStatus.Succeeded).OrderBy(r => r.CutoffDate).ToListAsync();
        runs[^1].Retire();
        runs[^2].MakeCurrent();
        await db.SaveChangesAsync();
    }

    private Task MakePreviousRunCurrentAsync() => MakePreviousRunCurrentAsync(_shop);
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Tests.Features.Segments.Audiences;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Web.Tests.Features.Segments.Audiences.SegmentWorkspaceShop;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Overlap;

public sealed class OverlapServiceTests : IAsyncLifetime
{
    private SegmentWorkspaceShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ScoredAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private OverlapService Service() => _shop.Overlap();

    private Task<SavedAudienceInfo> SaveAsync(string name, params AudienceCondition[] conditions) =>
        _shop.Audiences.CreateAsync(name, AudienceRules.Of(AudienceRuleGroup.All(conditions)), "test");

    [Fact]
    public async Task Without_a_scoring_run_there_is_no_matrix()
    {
        await using var empty = await WithoutRunAsync();

        Assert.Null(await empty.Overlap().GetAsync());
    }

    [Fact]
    public async Task Cells_count_customers_in_both_and_share_is_of_the_rows_members()
    {
        await SaveAsync("High risk", RiskBandIs("High"));        // Ana, Bob
        await SaveAsync("E-mail consent", EmailConsent(true));  // Jane, John, Ana, Eve, Max

        var view = (await Service().GetAsync())!;

        Assert.Equal(["E-mail consent", "High risk", "Weekend browsers", "Coffee regulars"], view.Items.Select(i => i.Name));
        Assert.Equal([5, 2, 3, 2], view.Items.Select(i => i.Members));
        Assert.Equal([5, 1, 2, 2], view.Both[0]);   // e-mail ∩ high risk = Ana; ∩ browsers = Ana, Eve; ∩ regulars = Jane, John
        Assert.Equal([1, 2, 2, 0], view.Both[1]);
        Assert.Equal([2, 2, 3, 0], view.Both[2]);   // segments never overlap each other within one run
        Assert.Equal([2, 0, 0, 2], view.Both[3]);
        Assert.Equal(0.2, view.Share(0, 1), 6);
        Assert.Equal(0.5, view.Share(1, 0), 6);
        Assert.Equal(new DateTime(2026, 7, 1), view.Cutoff);
    }

    [Fact]
    public async Task By_default_only_the_most_recently_changed_audiences_are_shown_and_the_user_can_choose_others()
    {
        var ids = new List<long>();
        for (var i = 1; i <= OverlapService.DefaultAudiences + 1; i++)
            ids.Add((await SaveAsync($"Audience {i}", RiskBandIs("High"))).Id);

        var first = (await Service().GetAsync())!;
        Assert.Equal(OverlapService.DefaultAudiences + 1, first.Audiences.Count);
        Assert.Equal(OverlapService.DefaultAudiences, first.ShownAudienceIds.Count);
        Assert.DoesNotContain(ids[0], first.ShownAudienceIds);

        var chosen = (await Service().GetAsync([ids[0]]))!;
        Assert.Equal([ids[0]], chosen.ShownAudienceIds);
        Assert.Equal(["Audience 1", "Weekend browsers", "Coffee regulars"], chosen.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task An_audience_that_cannot_be_read_is_offered_with_its_problem_but_never_shown()
    {
        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            db.SavedAudiences.Add(new Domain.Segments.SavedAudience("Old format", """{"rules":[]}""", "simulator", Clock.GetUtcNow().UtcDateTime.AddDays(1)));
            await db.SaveChangesAsync();
        }
        var valid = await SaveAsync("High risk", RiskBandIs("High"));

        var view = (await Service().GetAsync())!;

        Assert.Equal([valid.Id], view.ShownAudienceIds);
        var broken = Assert.Single(view.Audiences, a => a.Name == "Old format");
        Assert.NotNull(broken.Problem);
    }

    [Fact]
    public async Task Asking_for_more_audiences_than_the_limit_is_refused_with_a_message()
    {
        var tooMany = Enumerable.Range(1, OverlapService.MaxAudiences + 1).Select(i => (long)i).ToList();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service().GetAsync(tooMany));

        Assert.Contains($"at most {OverlapService.MaxAudiences}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_are_kept_per_run_and_rules_until_counted_again()
    {
        var audience = await SaveAsync("E-mail consent", EmailConsent(true));
        var first = (await Service().GetAsync())!;
        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            var ana = await db.Customers.SingleAsync(c => c.Id == _shop.Ana);
            ana.ChangeConsent(new Domain.Customers.Consent(false, false, false, true, Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        var served = (await Service().GetAsync())!;
        var refreshed = (await Service().RefreshAsync())!;

        // Jane, John, Ana, Eve, Max; then without Ana, who is in Weekend browsers.
        Assert.Equal((5, 2), (first.Items[0].Members, first.Both[0][1]));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, first.AudiencesCountedAt);
        Assert.Equal((5, 2), (served.Items[0].Members, served.Both[0][1]));
        Assert.Equal((4, 1), (refreshed.Items[0].Members, refreshed.Both[0][1]));
        Assert.Equal(["E-mail consent", "Weekend browsers", "Coffee regulars"], refreshed.Items.Select(i => i.Name));
        Assert.Equal([audience.Id], refreshed.ShownAudienceIds);
    }

    [Fact]
    public async Task When_another_run_becomes_current_members_and_segment_sizes_are_counted_for_it()
    {
        await SaveAsync("E-mail consent", EmailConsent(true));
        var current = (await Service().GetAsync())!;

        await AudienceSizesTests.MakePreviousRunCurrentAsync(_shop);
        var previous = (await Service().GetAsync())!;

        // Current run: Weekend browsers = Ana, Bob, Eve; of the e-mail subscribers Ana and Eve are in it.
        Assert.Equal(["E-mail consent", "Weekend browsers", "Coffee regulars"], current.Items.Select(i => i.Name));
        Assert.Equal([5, 2, 2], current.Both[0]);
        Assert.Equal(3, current.Items[1].Members);
        // Previous run: Weekend browsers = Jane, Bob; Coffee regulars = John, Ana; Eve and Max were not scored.
        Assert.Equal(["E-mail consent", "Coffee regulars", "Weekend browsers"], previous.Items.Select(i => i.Name));
        Assert.Equal([5, 2, 1], previous.Both[0]);
        Assert.Equal([2, 2], previous.Items.Skip(1).Select(i => i.Members));
        Assert.Equal(new DateTime(2026, 6, 1), previous.Cutoff);
    }
}

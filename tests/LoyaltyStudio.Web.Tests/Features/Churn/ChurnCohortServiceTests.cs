using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Churn;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>Cohort summaries, member pages and audiences made from cohorts, on the hand-built shop (see <see cref="ChurnTestShop"/>).</summary>
public sealed class ChurnCohortServiceTests : IAsyncLifetime
{
    private ChurnTestShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ChurnTestShop.CreateAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private static ChurnCohort Cohort(string by, string key) =>
        ChurnCohort.TryParse(by, key, out var cohort, out var problem) ? cohort : throw new InvalidOperationException(problem);

    [Fact]
    public async Task Members_of_a_cohort_and_band_come_one_sorted_page_at_a_time_with_masked_names_and_their_reasons()
    {
        var service = _shop.CohortService();
        var gold = Cohort("tier", "gold");

        var first = await service.GetMembersAsync(ChurnTestShop.Marketer, new ChurnMemberQuery(gold, null, Page: 0, PageSize: 2));
        var second = await service.GetMembersAsync(ChurnTestShop.Marketer, new ChurnMemberQuery(gold, null, Page: 1, PageSize: 2));

        // Gold: Ada 80, Ben 65, Finn 30 (Dan is Gold but refused profiling).
        Assert.Equal(3, first.Total);
        Assert.True(first.Masked);
        Assert.Equal(["C-Ada", "C-Ben"], first.Rows.Select(r => r.ExternalId));
        Assert.Equal(["C-Finn"], second.Rows.Select(r => r.ExternalId));
        var ada = first.Rows[0];
        Assert.Equal(("A** T***", 80, ChurnRiskBand.High, 300m), (ada.Name, ada.ChurnScore, ada.Band, ada.LifetimeValue));
        Assert.Equal("No purchase for 40 days; usually buys every 12", ada.TopReason);
        Assert.Equal(2, ada.Reasons.Count);
        Assert.Equal(ChurnTestShop.CurrentCutoff.AddDays(-40), ada.LastPurchase);
        Assert.Null(second.Rows[0].LastPurchase);
        Assert.Null(second.Rows[0].TopReason);
    }

    [Fact]
    public async Task Admin_sees_names_in_full_and_a_band_filter_keeps_only_that_band()
    {
        var page = await _shop.CohortService().GetMembersAsync(ChurnTestShop.UserIn(Roles.Admin),
            new ChurnMemberQuery(ChurnCohort.Everyone, ChurnRiskBand.High, 0, 10));

        Assert.False(page.Masked);
        Assert.Equal(["Ada Test", "Ben Test"], page.Rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(ChurnMemberSort.LifetimeValue, true, "Eve,Cleo,Ben,Ada,Finn")]
    [InlineData(ChurnMemberSort.LifetimeValue, false, "Finn,Ada,Ben,Cleo,Eve")]
    [InlineData(ChurnMemberSort.LastPurchase, true, "Eve,Cleo,Ada,Ben,Finn")]
    [InlineData(ChurnMemberSort.LastPurchase, false, "Ben,Ada,Cleo,Eve,Finn")]
    [InlineData(ChurnMemberSort.ChurnScore, false, "Eve,Finn,Cleo,Ben,Ada")]
    [InlineData(ChurnMemberSort.ExternalId, false, "Ada,Ben,Cleo,Eve,Finn")]
    public async Task Members_sort_by_the_chosen_column(ChurnMemberSort sort, bool descending, string expected)
    {
        var page = await _shop.CohortService().GetMembersAsync(ChurnTestShop.Marketer,
            new ChurnMemberQuery(ChurnCohort.Everyone, null, 0, 10, sort, descending));

        Assert.Equal(expected, string.Join(",", page.Rows.Select(r => r.ExternalId[2..])));
    }

    [Fact]
    public async Task A_cohort_summary_counts_its_bands_as_the_overview_does()
    {
        var summary = (await _shop.CohortService().GetCohortAsync(Cohort("tenure", "6-12")))!;

        Assert.Equal("Members for 6–12 months", summary.Title);
        Assert.Equal((0, 1, 1, 55.0), (summary.Counts.Low, summary.Counts.Medium, summary.Counts.High, summary.Counts.AverageScore));
        Assert.Null(summary.CannotActBecause);
    }

    [Fact]
    public async Task Unknown_tiers_and_segments_are_refused_with_a_message_and_bad_addresses_do_not_parse()
    {
        var service = _shop.CohortService();

        var tier = await Assert.ThrowsAsync<DomainException>(() => service.GetCohortAsync(Cohort("tier", "DIAMOND")));
        var segment = await Assert.ThrowsAsync<DomainException>(() => service.GetCohortAsync(Cohort("segment", "micro:99")));

        Assert.Equal("There is no tier 'DIAMOND'.", tier.Message);
        Assert.Contains("no micro-segment 'micro:99'", segment.Message, StringComparison.Ordinal);
        Assert.False(ChurnCohort.TryParse("tenure", "5-7", out _, out var tenureProblem));
        Assert.Contains("0-3, 3-6", tenureProblem, StringComparison.Ordinal);
        Assert.False(ChurnCohort.TryParse("channel", "2", out _, out var channelProblem));
        Assert.Contains("Online, App, Store", channelProblem, StringComparison.Ordinal);
        Assert.False(ChurnCohort.TryParse("weather", "sunny", out _, out var byProblem));
        Assert.Equal("Cohorts are by tenure, segment, tier or channel, not 'weather'.", byProblem);
    }

    [Theory]
    [InlineData("all", "", "High churn risk · All customers")]
    [InlineData("tier", "GOLD", "High churn risk · Gold tier")]
    [InlineData("channel", "Store", "High churn risk · Signed up in store")]
    [InlineData("tenure", "6-12", "High churn risk · Members for 6–12 months")]
    [InlineData("tenure", "0-3", "High churn risk · Members for under 3 months")]
    [InlineData("segment", "micro:1", "High churn risk · Bargain hunters")]
    public async Task Acting_on_a_cohort_saves_an_audience_with_exactly_its_high_risk_members(string by, string key, string expectedName)
    {
        var cohort = Cohort(by, key);
        var service = _shop.CohortService();
        var members = await service.GetMembersAsync(ChurnTestShop.Marketer, new ChurnMemberQuery(cohort, ChurnRiskBand.High, 0, 100));

        var created = await service.CreateAudienceAsync(ChurnTestShop.Marketer, cohort, ChurnRiskBand.High);

        var evaluated = await _shop.Audiences().EvaluateSavedAsync(created.AudienceId, SavedAudienceService.MaxPreview);
        Assert.True(members.Total > 0);
        Assert.Equal(members.Total, created.Customers);
        Assert.Equal(members.Rows.Select(r => r.CustomerId).Order(), evaluated.PreviewCustomerIds.Order());
        Assert.Equal(expectedName, created.Name);
        Assert.Equal("marketer@test", (await _shop.Audiences().GetAsync(created.AudienceId)).CreatedBy);
    }

    [Fact]
    public async Task Acting_twice_on_the_same_cohort_gives_the_second_audience_a_numbered_name()
    {
        var service = _shop.CohortService();

        var first = await service.CreateAudienceAsync(ChurnTestShop.Marketer, Cohort("tier", "GOLD"), ChurnRiskBand.High);
        var second = await service.CreateAudienceAsync(ChurnTestShop.Marketer, Cohort("tier", "GOLD"), ChurnRiskBand.High);

        Assert.Equal(first.Name + " (2)", second.Name);
        Assert.Equal(first.Customers, second.Customers);
    }

    [Fact]
    public async Task A_manager_cannot_act_on_a_cohort_and_nothing_is_saved()
    {
        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            _shop.CohortService().CreateAudienceAsync(ChurnTestShop.UserIn(Roles.Manager), Cohort("tier", "GOLD"), ChurnRiskBand.High));

        Assert.Equal(ChurnCohortService.ReadOnlyMessage, error.Message);
        await using var db = _shop.Database.Factory.CreateDbContext();
        Assert.Equal(0, await db.SavedAudiences.CountAsync());
    }

    [Fact]
    public async Task Customers_in_no_micro_segment_cannot_become_an_audience_and_the_summary_says_why()
    {
        var none = Cohort("segment", "none");

        var summary = (await _shop.CohortService().GetCohortAsync(none))!;
        var error = await Assert.ThrowsAsync<DomainException>(() => _shop.CohortService().CreateAudienceAsync(ChurnTestShop.Marketer, none, ChurnRiskBand.Low));

        Assert.Equal(1, summary.Counts.Low);
        Assert.Equal(summary.CannotActBecause, error.Message);
    }
}

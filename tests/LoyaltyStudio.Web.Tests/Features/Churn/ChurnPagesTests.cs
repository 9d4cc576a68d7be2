using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>The churn pages rendered with the real services on the hand-built shop (see <see cref="ChurnTestShop"/>).</summary>
public sealed class ChurnPagesTests : ShellTestContext
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ScriptedScoringCoordinator _coordinator = new();
    private ChurnTestShop? _shop;

    public ChurnPagesTests()
    {
        Services.AddSingleton<IScoringCoordinator>(_coordinator);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_shop is not null)
            await _shop.DisposeAsync();
    }

    /// <summary>Signs in, builds the shop (or an empty database) and registers the real services; the overview waits for the gate.</summary>
    private async Task<ChurnTestShop> ArrangeAsync(string role, bool seed = true, bool open = true)
    {
        _shop = seed ? await ChurnTestShop.CreateAsync() : await ChurnTestShop.CreateEmptyAsync();
        SignInAs($"{role.ToLowerInvariant()}@test", role);
        var shop = _shop;
        Services.AddSingleton<IChurnOverviewService>(new GatedOverview(shop.OverviewService(), _gate.Task));
        Services.AddSingleton<IChurnCohortService>(sp => new ChurnCohortService(shop.Database.Factory,
            sp.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>(), shop.Audiences(),
            sp.GetRequiredService<IChurnOverviewService>(), shop.Clock));
        if (seed)
            _coordinator.CurrentRun = new CurrentScoringRun(shop.CurrentRunId, ScoringRunKind.Full, ChurnTestShop.CurrentCutoff,
                ChurnTestShop.Now, ChurnTestShop.Now, "test", 6, new Dictionary<string, double>());
        if (open)
            _gate.TrySetResult();
        return shop;
    }

    [Fact]
    public async Task Before_the_first_run_the_overview_shows_the_no_scoring_run_state()
    {
        await ArrangeAsync(Roles.Marketer, seed: false);

        var page = Render<ChurnPage>();

        page.WaitForAssertion(() => Assert.Contains("No scoring run yet", page.Find(".ls-no-scoring-run").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".ls-churn-histogram"));
        Assert.NotEmpty(page.FindAll(".ls-churn-tabs"));
    }

    [Fact]
    public async Task Before_the_first_run_the_drivers_and_model_pages_show_the_no_scoring_run_state()
    {
        await ArrangeAsync(Roles.Marketer, seed: false);

        var drivers = Render<ChurnDriversPage>();
        var model = Render<ChurnModelPage>();

        drivers.WaitForAssertion(() => Assert.NotEmpty(drivers.FindAll(".ls-no-scoring-run")));
        model.WaitForAssertion(() => Assert.NotEmpty(model.FindAll(".ls-no-scoring-run")));
    }

    [Fact]
    public async Task While_the_overview_loads_the_page_shows_a_progress_bar_then_the_charts()
    {
        await ArrangeAsync(Roles.Marketer, open: false);

        var page = Render<ChurnPage>();

        Assert.NotEmpty(page.FindAll(".ls-churn-loading"));
        Assert.Empty(page.FindAll(".ls-churn-histogram"));
        _gate.TrySetResult();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ls-churn-histogram")));
        Assert.Empty(page.FindAll(".ls-churn-loading"));
    }

    [Fact]
    public async Task The_overview_shows_thresholds_band_shares_trend_and_a_linked_row_per_cohort()
    {
        await ArrangeAsync(Roles.Manager);

        var page = Render<ChurnPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ls-band-shares")));
        Assert.Contains("Medium from 30, High from 60", page.Markup, StringComparison.Ordinal);
        Assert.Contains("1 scored customers who refused profiling are left out", page.Find(".ls-churn-run").TextContent, StringComparison.Ordinal);
        var high = page.Find(".ls-band-shares [data-band=High]").TextContent;
        Assert.Contains("(40", high, StringComparison.Ordinal);
        Assert.Contains("(30", high, StringComparison.Ordinal);
        var latest = page.Find($".ls-high-trend [data-run-id='{_shop!.CurrentRunId}']").TextContent;
        Assert.Contains("+0", latest, StringComparison.Ordinal);
        Assert.Contains("−1", latest, StringComparison.Ordinal);
        Assert.Contains("No churn model is recorded", page.Find(".ls-model-badge").TextContent, StringComparison.Ordinal);
        // The first tab (tenure) is open: one row per tenure band that has customers, each linking to its members.
        var links = page.FindAll(".ls-cohort-table .ls-cohort-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["churn/cohort?by=tenure&key=0-3", "churn/cohort?by=tenure&key=6-12", "churn/cohort?by=tenure&key=12-18", "churn/cohort?by=tenure&key=36%2B"], links);
        Assert.NotEmpty(page.FindAll(".ls-cohort-heatmap"));
    }

    [Fact]
    public async Task A_cohort_page_lists_its_members_with_their_top_reason_and_a_manager_gets_no_act_button()
    {
        await ArrangeAsync(Roles.Manager);
        NavigateToCohort("by=tier&key=GOLD&band=High");

        var page = Render<ChurnCohortPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".ls-churn-members .ls-member-link").Count));
        Assert.Equal("Gold tier", page.Find(".ls-cohort-title").TextContent);
        Assert.Equal(["C-Ada", "C-Ben"], page.FindAll(".ls-member-link").Select(a => a.TextContent));
        Assert.Contains("No purchase for 40 days", page.Find(".ls-member-reason").TextContent, StringComparison.Ordinal);
        Assert.Contains("A** T***", page.Find(".ls-churn-members").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".ls-act-on-cohort"));
    }

    [Fact]
    public async Task A_marketer_acts_on_a_cohort_and_sees_the_new_audience_with_its_count()
    {
        await ArrangeAsync(Roles.Marketer);
        NavigateToCohort("by=tier&key=GOLD");

        var page = Render<ChurnCohortPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ls-act-on-cohort")));
        Assert.Contains("(2)", page.Find(".ls-act-on-cohort").TextContent, StringComparison.Ordinal);
        await page.Find(".ls-act-on-cohort").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("High churn risk · Gold tier", page.Find(".ls-audience-created").TextContent, StringComparison.Ordinal));
        Assert.Contains("with 2 customers", page.Find(".ls-audience-created").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cohort_address_that_names_no_cohort_is_answered_with_a_message()
    {
        await ArrangeAsync(Roles.Marketer);
        NavigateToCohort("by=tier&key=DIAMOND");

        var page = Render<ChurnCohortPage>();

        page.WaitForAssertion(() => Assert.Contains("There is no tier 'DIAMOND'.", page.Find(".ls-cohort-problem").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".ls-churn-members"));
    }

    [Fact]
    public async Task The_member_grid_given_another_band_while_on_a_later_page_starts_from_the_first_page()
    {
        await ArrangeAsync(Roles.Marketer);
        // Everyone who consented to profiling in R3, one a page, riskiest first: Ada 80, Ben 65, Cleo 45, Finn 30, Eve 10.
        var grid = Render<ChurnMembersGrid>(p => p.Add(x => x.Cohort, ChurnCohort.Everyone).Add(x => x.PageSize, 1));
        string[] Ids() => [.. grid.FindAll(".ls-member-link").Select(a => a.TextContent)];
        await grid.WaitForAssertionAsync(() => Assert.Equal(["C-Ada"], Ids()));
        await grid.Find("button[aria-label='Next page']").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await grid.WaitForAssertionAsync(() => Assert.Equal(["C-Ben"], Ids()));

        // Medium (30 to 59 in R3): Cleo and Finn; staying on the second page would show Finn.
        grid.Render(p => p.Add(x => x.Band, ChurnRiskBand.Medium));

        await grid.WaitForAssertionAsync(() => Assert.Equal(["C-Cleo"], Ids()));
        Assert.Contains("1-1 of 2", grid.Markup, StringComparison.Ordinal);
    }

    private void NavigateToCohort(string query) =>
        Services.GetRequiredService<NavigationManager>().NavigateTo($"churn/cohort?{query}");

    private sealed class GatedOverview(IChurnOverviewService inner, Task gate) : IChurnOverviewService
    {
        public async Task<ChurnOverview?> GetOverviewAsync(CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetOverviewAsync(cancellationToken);
        }

        public async Task<ChurnModelReport?> GetModelReportAsync(CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetModelReportAsync(cancellationToken);
        }
    }
}

using System.Globalization;
using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Segments.Rfm;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.Features.Segments.Audiences;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Rfm;

public sealed class RfmPageTests : ShellTestContext
{
    // Generous: on a busy two-core machine the renderer may wait for a thread a while; the checks themselves are instant.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public RfmPageTests()
    {
        Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());
        SignInAs("marketer@demo.local", Roles.Marketer);
    }

    [Fact]
    public async Task Before_the_first_scoring_run_the_page_says_so()
    {
        await using var shop = await SegmentWorkspaceShop.WithoutRunAsync();
        Services.AddSingleton<IRfmViewService>(new RfmViewService(shop.Database.Factory));

        var page = Render<RfmPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("No scoring run yet", page.Find(".ls-no-scoring-run").TextContent), Patience);
        Assert.Empty(page.FindAll(".ls-rfm"));
        Assert.Empty(page.FindAll(".ls-start-scoring"));
    }

    [Fact]
    public async Task Page_shows_a_progress_bar_until_the_view_arrives_then_the_grid_and_tables()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var gated = new GatedRfmViewService(new RfmViewService(shop.Database.Factory));
        Services.AddSingleton<IRfmViewService>(gated);

        var page = Render<RfmPage>();
        Assert.Single(page.FindAll(".ls-loading"));
        Assert.Empty(page.FindAll(".ls-rfm"));

        gated.Open();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".ls-rfm-grid")), Patience);
        Assert.Empty(page.FindAll(".ls-loading"));
        Assert.Equal(4, page.FindAll(".ls-rfm-segments tbody tr").Count);
    }

    [Fact]
    public async Task Overview_lists_each_named_segment_with_its_figures_and_the_moves_between_runs()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var view = (await new RfmViewService(shop.Database.Factory).GetAsync())!;

        var overview = Render<RfmOverview>(p => p.Add(v => v.View, view).Add(v => v.Culture, English));

        var champions = overview.Find("[data-segment='rfm:champions']").TextContent;
        Assert.Contains("Champions", champions);
        Assert.Contains("40.0%", champions);
        Assert.Contains("$800", champions);
        Assert.Contains("$150", champions);
        Assert.Equal("1", overview.Find(".ls-rfm-movement tr[data-from='At risk'] td[data-to='Champions']").TextContent.Trim());
        Assert.Equal("1", overview.Find(".ls-rfm-movement tr[data-from='new'] td[data-to='Hibernating']").TextContent.Trim());
        Assert.Contains("2 customers changed segment, 1 were new", overview.Find(".ls-movement-summary").TextContent);
    }

    [Fact]
    public async Task With_only_one_run_the_overview_says_moves_come_after_the_next()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();
        var view = (await new RfmViewService(shop.Database.Factory).GetAsync())! with { Movement = null };

        var overview = Render<RfmOverview>(p => p.Add(v => v.View, view).Add(v => v.Culture, English));

        Assert.Single(overview.FindAll(".ls-no-previous-run"));
        Assert.Empty(overview.FindAll(".ls-rfm-movement"));
    }

    /// <summary>The real service, held back until the test opens the gate, so the loading state can be seen.</summary>
    private sealed class GatedRfmViewService(IRfmViewService inner) : IRfmViewService
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.SetResult();

        public async Task<RfmView?> GetAsync(CancellationToken cancellationToken = default)
        {
            await _gate.Task;
            return await inner.GetAsync(cancellationToken);
        }
    }
}

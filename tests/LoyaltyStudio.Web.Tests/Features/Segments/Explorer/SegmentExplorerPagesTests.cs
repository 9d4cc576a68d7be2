using System.Globalization;
using System.Security.Claims;
using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Segments;
using LoyaltyStudio.Web.Features.Segments.Explorer;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Explorer;

/// <summary>The map page and the segment page rendered with the real service on a real SQLite file.</summary>
public sealed class SegmentExplorerPagesTests : ShellTestContext
{
    // The pages format with the server's culture; the expected texts are formatted the same way.
    private static readonly CultureInfo Culture = CultureInfo.CurrentCulture;
    private TempSqliteDatabase? _database;

    public SegmentExplorerPagesTests()
    {
        Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signs in, seeds the shop (unless empty) and registers the real service (with the app's real policies) behind a gate.</summary>
    private async Task<SegmentExplorerShop?> ArrangeAsync(string role, bool seed = true, bool open = true)
    {
        _database = await TempSqliteDatabase.CreateMigratedAsync();
        var shop = seed ? await SegmentExplorerShop.SeedAsync(_database) : null;
        SignInAs($"{role.ToLowerInvariant()}@demo.local", role);
        var factory = _database.Factory;
        Services.AddSingleton<ISegmentExplorerService>(sp => new GatedSegmentExplorer(
            new SegmentExplorerService(factory, sp.GetRequiredService<IAuthorizationService>()), _gate.Task));
        if (open)
            _gate.TrySetResult();
        return shop;
    }

    [Fact]
    public async Task Before_the_first_run_the_map_page_shows_the_no_scoring_run_state()
    {
        await ArrangeAsync(Roles.Marketer, seed: false);

        var page = Render<SegmentsPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("No scoring run yet", page.Find(".ls-no-scoring-run").TextContent));
        Assert.Empty(page.FindAll(".ls-segment-table"));
        Assert.NotEmpty(page.FindAll(".ls-segments-tabs"));
    }

    [Fact]
    public async Task While_the_map_loads_the_page_shows_a_progress_bar_then_the_table()
    {
        await ArrangeAsync(Roles.Marketer, open: false);

        var page = Render<SegmentsPage>();

        Assert.NotEmpty(page.FindAll(".ls-loading"));
        Assert.Empty(page.FindAll(".ls-segment-table"));
        _gate.TrySetResult();
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".ls-segment-table")));
        Assert.Empty(page.FindAll(".ls-loading"));
    }

    [Fact]
    public async Task The_map_page_shows_the_chart_and_a_table_row_per_segment_with_links_and_changes()
    {
        var shop = await ArrangeAsync(Roles.Manager);

        var page = Render<SegmentsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(4, page.FindAll(".ls-segment-table tbody tr").Count));
        Assert.NotEmpty(page.FindAll("#segment-map"));
        var coffee = page.Find($"tr[data-segment-id='{shop!.CoffeeLovers}']");
        Assert.Equal($"segments/{shop.CoffeeLovers}", coffee.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Coffee lovers", coffee.TextContent);
        Assert.Contains((4.0 / 6).ToString("P1", Culture), coffee.TextContent);
        Assert.Contains(250m.ToString("C0", Culture), coffee.TextContent);
        Assert.Contains($"+1 ({(1.0 / 3).ToString("+0.0 %;\u22120.0 %;0 %", Culture)})", coffee.TextContent);
        Assert.Contains("new segment", page.Find($"tr[data-segment-id='{shop.Newcomers}']").TextContent);
        Assert.Contains("retired", page.Find($"tr[data-segment-id='{shop.OldTimers}'].ls-retired").TextContent);
    }

    [Fact]
    public async Task The_segment_page_shows_figures_profile_rfm_mix_and_masked_members()
    {
        var shop = await ArrangeAsync(Roles.Marketer);

        var page = Render<SegmentPage>(p => p.Add(x => x.Id, shop!.CoffeeLovers));

        await page.WaitForAssertionAsync(() => Assert.Equal("Coffee lovers", page.Find(".ls-segment-name").TextContent));
        Assert.Equal("4", page.Find("[data-kpi=members] .ls-kpi-value").TextContent);
        Assert.Equal((4.0 / 6).ToString("P1", Culture), page.Find("[data-kpi=share] .ls-kpi-value").TextContent);
        Assert.Equal(200m.ToString("C0", Culture), page.Find("[data-kpi=revenue] .ls-kpi-value").TextContent);
        Assert.Contains("coffee 80 % of spend vs 40 %", page.Find(".ls-profile-phrases").TextContent);
        Assert.Contains("Champions", page.Find(".ls-rfm-mix").TextContent);
        Assert.NotEmpty(page.FindAll("#segment-transitions"));
        await page.WaitForAssertionAsync(() => Assert.Equal(4, page.FindAll(".ls-member-link").Count));
        Assert.Equal(["F** F*****", "C** C*****", "G** G****", "A** A*****"], page.FindAll(".ls-member-link").Select(a => a.TextContent));
        Assert.Equal($"customers/{shop!.Customer["Fay"]}", page.FindAll(".ls-member-link")[0].GetAttribute("href"));
        Assert.DoesNotContain("Fisher", page.Markup, StringComparison.Ordinal);
        await page.WaitForAssertionAsync(() => Assert.Contains("Coffee", page.Find(".ls-top-categories").TextContent));
    }

    [Fact]
    public async Task While_a_segment_loads_the_page_shows_a_progress_bar_and_no_segment_yet()
    {
        var shop = await ArrangeAsync(Roles.Marketer, open: false);

        var page = Render<SegmentPage>(p => p.Add(x => x.Id, shop!.CoffeeLovers));

        Assert.NotEmpty(page.FindAll(".ls-loading"));
        Assert.Empty(page.FindAll(".ls-segment-name"));
        Assert.Empty(page.FindAll(".ls-segment-not-found"));
    }

    [Fact]
    public async Task An_unknown_segment_gets_a_friendly_message_inside_the_layout()
    {
        await ArrangeAsync(Roles.Marketer);

        var page = Render<SegmentPage>(p => p.Add(x => x.Id, 424_242));

        await page.WaitForAssertionAsync(() => Assert.Contains("No such segment", page.Find(".ls-segment-not-found").TextContent));
        Assert.Contains("424242", page.Find(".ls-segment-not-found").TextContent);
    }

    [Fact]
    public async Task A_retired_segment_says_so_and_lists_no_members()
    {
        var shop = await ArrangeAsync(Roles.Marketer);

        var page = Render<SegmentPage>(p => p.Add(x => x.Id, shop!.OldTimers));

        await page.WaitForAssertionAsync(() => Assert.Contains("Retired", page.Find(".ls-retired-chip").TextContent));
        Assert.Contains("retired", page.Find(".ls-not-in-current-run").TextContent);
        Assert.Empty(page.FindAll(".ls-segment-members"));
    }

    [Fact]
    public async Task Before_the_first_run_the_segment_page_shows_the_no_scoring_run_state()
    {
        await ArrangeAsync(Roles.Marketer, seed: false);

        var page = Render<SegmentPage>(p => p.Add(x => x.Id, 1));

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".ls-no-scoring-run")));
    }

    [Fact]
    public async Task Choosing_a_band_while_on_a_later_page_lists_the_matches_from_the_first_page()
    {
        var shop = await ArrangeAsync(Roles.Marketer);
        // One member a page, riskiest first: Fay 80, Cat 50, Gus 30, Ann 10.
        var grid = Render<SegmentMembersGrid>(p => p.Add(x => x.SegmentId, shop!.CoffeeLovers).Add(x => x.PageSize, 1));
        string[] Names() => [.. grid.FindAll(".ls-member-link").Select(a => a.TextContent)];
        await grid.WaitForAssertionAsync(() => Assert.Equal(["F** F*****"], Names()));
        await grid.Find("button[aria-label='Next page']").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await grid.WaitForAssertionAsync(() => Assert.Equal(["C** C*****"], Names()));

        // Low risk: Gus (30) and Ann (10); staying on the second page would show Ann.
        var band = grid.FindComponent<MudBlazor.MudSelect<Domain.Scoring.ChurnRiskBand?>>();
        await grid.InvokeAsync(() => band.Instance.ValueChanged.InvokeAsync(Domain.Scoring.ChurnRiskBand.Low));

        await grid.WaitForAssertionAsync(() => Assert.Equal(["G** G****"], Names()));
        Assert.Contains("1-1 of 2", grid.Markup, StringComparison.Ordinal);
    }

    /// <summary>The real service, held back until the test opens the gate, so the loading state can be seen.</summary>
    private sealed class GatedSegmentExplorer(ISegmentExplorerService inner, Task gate) : ISegmentExplorerService
    {
        public async Task<SegmentMap?> GetMapAsync(CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetMapAsync(cancellationToken);
        }

        public async Task<SegmentLookup> GetSegmentAsync(long segmentId, CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetSegmentAsync(segmentId, cancellationToken);
        }

        public async Task<SegmentMemberPage> GetMembersAsync(ClaimsPrincipal user, long segmentId, SegmentMemberQuery query, CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetMembersAsync(user, segmentId, query, cancellationToken);
        }

        public async Task<SegmentPurchaseMix> GetPurchaseMixAsync(long segmentId, CancellationToken cancellationToken = default)
        {
            await gate;
            return await inner.GetPurchaseMixAsync(segmentId, cancellationToken);
        }
    }
}

using System.Text.RegularExpressions;
using LoyaltyStudio.Data;
using LoyaltyStudio.EndToEnd.Tests.Infrastructure;
using LoyaltyStudio.Web.Features.Segments.Explorer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LoyaltyStudio.EndToEnd.Tests;

/// <summary>
/// The marketer explores the micro-segments of a real, twice-scored demo set: the map, a bubble clicked through to its
/// segment, the member grid paged and sorted; support is turned away; the manager reads.
/// </summary>
[Collection(ScoredBrowserJourneys.Name)]
public sealed partial class SegmentExplorerJourneyTests(ScoredRunningApp app) : BrowserJourney(app)
{
    private ScoredRunningApp Scored { get; } = app;

    /// <summary>The map's neutral colour, "no change since the last run" (#A1A1AA in the bubble chart's scale).</summary>
    private const string NoChangeFill = "rgb(161, 161, 170)";
    private async Task<IPage> SignedInAsync(string email, string path)
    {
        var page = await NewLaptopPageAsync();
        await page.GotoAsync(App.BaseUrl + path);
        await SignInAsync(page, email);
        return page;
    }

    /// <summary>The current run's members of a segment in the order the grid sorts them, read from the app's own database.</summary>
    private async Task<List<long>> MemberIdsAsync(long segmentId, bool byLifetimeValue)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>().CreateDbContextAsync();
        var scores = db.CustomerScores.AsNoTracking()
            .Where(s => s.MicroSegmentId == segmentId && db.ScoringRuns.Any(r => r.IsCurrent && r.Id == s.ScoringRunId));
        var sorted = byLifetimeValue
            ? scores.OrderBy(s => s.PredictedLifetimeValue).ThenBy(s => s.CustomerId)
            : scores.OrderByDescending(s => s.ChurnScore).ThenBy(s => s.CustomerId);
        return await sorted.Select(s => s.CustomerId).Take(20).ToListAsync();
    }

    private static Task ExpectFirstMemberAsync(IPage page, long customerId) =>
        Assertions.Expect(page.Locator(".ls-segment-members .ls-member-link").First).ToHaveAttributeAsync("href", $"customers/{customerId}");

    private static Task ToggleDarkModeAsync(IPage page) => page.GetByLabel("Toggle dark mode").ClickAsync();

    private const string BackgroundScript = "getComputedStyle(document.body).backgroundColor";

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("() => " + BackgroundScript);

    [Fact]
    public async Task Marketer_opens_the_map_clicks_a_bubble_and_pages_and_sorts_the_members()
    {
        var page = await SignedInAsync("marketer@demo.local", "/segments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Segments", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ls-segment-table tbody tr").Nth(1)).ToBeVisibleAsync();
        var bubbles = page.Locator("#segment-map .scatterlayer .point");
        await Assertions.Expect(bubbles.First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
        var drawn = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('#segment-map .scatterlayer .point')].filter(p => p.getBBox().width > 0).length");
        var rows = await page.Locator(".ls-segment-table tbody tr:not(.ls-retired)").CountAsync();
        Assert.Equal(rows, drawn);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-map-light"), FullPage = true });

        // Plotly takes clicks on its drag layer and finds the bubble under the pointer, so click where the largest bubble is drawn.
        await WaitForInteractiveAsync(page);
        await page.Locator("#segment-map").ScrollIntoViewIfNeededAsync();
        var centre = await page.EvaluateAsync<double[]>("""
            () => {
              const boxes = [...document.querySelectorAll('#segment-map .scatterlayer .point')].map(p => p.getBoundingClientRect());
              const largest = boxes.reduce((a, b) => (b.width > a.width ? b : a));
              return [largest.x + largest.width / 2, largest.y + largest.height / 2];
            }
            """);
        await page.Mouse.MoveAsync((float)centre[0], (float)centre[1]);
        await page.Mouse.ClickAsync((float)centre[0], (float)centre[1]);

        await Assertions.Expect(page).ToHaveURLAsync(SegmentUrl());
        var segmentId = long.Parse(SegmentUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator(".ls-segment-name")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-kpi=members] .ls-kpi-value")).ToHaveTextAsync(new Regex("[0-9]"));
        var kpiRows = await page.EvaluateAsync<int>("() => new Set([...document.querySelectorAll('.ls-kpi')].map(k => Math.round(k.getBoundingClientRect().top))).size");
        Assert.Equal(1, kpiRows); // all five tiles on one row at 1366 px
        await Assertions.Expect(page.Locator("#segment-profile .barlayer .point").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#segment-transitions .sankey-node").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".ls-top-categories tbody tr").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });

        var byRisk = await MemberIdsAsync(segmentId, byLifetimeValue: false);
        var byValue = await MemberIdsAsync(segmentId, byLifetimeValue: true);
        Assert.True(byRisk.Count > 10, $"segment {segmentId} should have more than one page of members");
        await WaitForInteractiveAsync(page);
        await ExpectFirstMemberAsync(page, byRisk[0]);
        await Assertions.Expect(page.Locator(".ls-segment-members .ls-member-link").First).ToContainTextAsync("*");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segment-page-light"), FullPage = true });

        var members = page.Locator(".ls-segment-members");
        await members.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await ExpectFirstMemberAsync(page, byRisk[10]);

        await members.GetByText("Predicted CLV", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ls-segment-members .ls-member-link").First)
            .ToHaveAttributeAsync("href", new Regex($"customers/({byValue[0]}|{byValue[10]})$"));
        await page.Locator(".ls-segment-members .ls-member-link").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segment-members-sorted") });

        // Dark mode: the toggle saves the preference, so the next page comes dark from the server too.
        var light = await BackgroundAsync(page);
        await ToggleDarkModeAsync(page);
        await page.WaitForFunctionAsync("v => " + BackgroundScript + " !== v", light);
        // Away from the toggle's tooltip and back at the top, so the full-page picture has its app bar where it belongs.
        await page.Mouse.MoveAsync(700, 500);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segment-page-dark"), FullPage = true });
        var dark = await BackgroundAsync(page);
        await page.GotoAsync(App.BaseUrl + "/segments");
        await page.WaitForFunctionAsync("v => " + BackgroundScript + " === v", dark);
        await Assertions.Expect(page.Locator("#segment-map .scatterlayer .point").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-map-dark"), FullPage = true });
        await WaitForInteractiveAsync(page);
        await ToggleDarkModeAsync(page); // leave the marketer's preference as it was for other journeys
    }

    [Fact]
    public async Task The_map_shows_how_segments_changed_since_the_earlier_run_in_the_table_and_the_bubble_colours()
    {
        // The fixture's first run saw a month less of orders, so the segments really moved between the runs.
        Assert.True(Scored.FirstRun.Cutoff < Scored.CurrentRun.Cutoff, $"runs at {Scored.FirstRun.Cutoff:d} and {Scored.CurrentRun.Cutoff:d}");
        await using var scope = App.Services.CreateAsyncScope();
        var map = await scope.ServiceProvider.GetRequiredService<ISegmentExplorerService>().GetMapAsync();
        Assert.NotNull(map);
        var live = map.Live.ToList();
        var (moved, index) = live.Select((row, i) => (row, i))
            .Where(x => x.row.Change.Kind == SegmentChangeKind.New || x.row.Change.Delta != 0)
            .OrderByDescending(x => x.row.Change.Kind == SegmentChangeKind.New ? double.MaxValue : Math.Abs(x.row.Change.Relative ?? 0))
            .First();

        var page = await SignedInAsync("marketer@demo.local", "/segments");

        await Assertions.Expect(page.Locator(".ls-map-runs")).ToContainTextAsync($"compared with the run of {map.Previous!.Cutoff:d MMM yyyy}");
        await Assertions.Expect(page.Locator($"tr[data-segment-id='{moved.Id}'] .ls-change")).ToContainTextAsync(moved.Change.Text);
        Assert.Matches("^([+\u2212][0-9]|new segment)", moved.Change.Text);
        var bubble = page.Locator("#segment-map .scatterlayer .point").Nth(index);
        await Assertions.Expect(bubble).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });
        var fill = await bubble.EvaluateAsync<string>("p => getComputedStyle(p).fill");
        Assert.NotEqual(NoChangeFill, fill);
        await Assertions.Expect(page.Locator("#segment-map .colorbar")).ToContainTextAsync("since last");
        await page.Locator("#segment-map").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("segments-map-changes") });
    }

    [Theory]
    [InlineData("/segments")]
    [InlineData("/churn")]
    public async Task Support_is_told_the_marketer_areas_are_not_part_of_their_role(string path)
    {
        var page = await SignedInAsync("support@demo.local", path);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "This area is not part of your role" })).ToBeVisibleAsync();
        var again = await page.GotoAsync(App.BaseUrl + path);
        Assert.Equal(403, again!.Status);
    }

    [Fact]
    public async Task Manager_reads_the_map_and_a_segment_with_names_masked()
    {
        var page = await SignedInAsync("manager@demo.local", "/segments");

        var link = page.Locator(".ls-segment-table tbody tr:not(.ls-retired) .ls-segment-link").First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        // A click before the circuit is up changes the address but can leave the map on screen.
        await WaitForInteractiveAsync(page);
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SegmentUrl());
        // The member grid asks for its first page once the circuit is up, after the rest of the page.
        await Assertions.Expect(page.Locator(".ls-segment-members .ls-member-link").First)
            .ToContainTextAsync("*", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".ls-masked-notice")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/segments/(\d+)$")]
    private static partial Regex SegmentUrl();
}

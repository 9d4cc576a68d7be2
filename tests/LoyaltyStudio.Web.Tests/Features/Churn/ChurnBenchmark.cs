using System.Diagnostics;
using System.Globalization;
using Bunit;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Tests.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>
/// The service calls behind the first view of /churn and of the largest tier's cohort page, on the benchmark file
/// (opened read-only), cold (first call) and warm (median of five), and the same pages rendered by bunit with the real
/// services. The page budget is 300 ms server-side. The overview is served from memory (computed once per run by the
/// warmer); computing it is timed apart and printed, not held to the page budget.
/// </summary>
public sealed class ChurnBenchmark(ITestOutputHelper output)
{
    private const double BudgetMs = 300;

    [WorkspaceBenchmarkFact("the churn pages' first view")]
    public async Task First_views_of_the_churn_overview_and_a_big_cohort_stay_under_the_page_budget()
    {
        var factory = WorkspaceBenchmark.Open();
        var computed = new ChurnOverviewService(factory, TimeProvider.System);
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var overviewService = new CachedChurnOverview(computed, factory, memory);
        var cohortService = new ChurnCohortService(factory, ChurnTestShop.Authorization, new SavedAudienceService(factory, TimeProvider.System),
            overviewService, TimeProvider.System);
        var marketer = ChurnTestShop.Marketer;

        var biggestTier = await BiggestTierAsync(factory);
        var cohort = new ChurnCohort(ChurnCohortDimension.Tier, biggestTier);

        // What the warmer does in the background once per run and every few minutes, and what a view costs when it has not.
        var computing = await TimeAsync("overview computed (ChurnOverviewService, the warmer's work)", () => computed.GetOverviewAsync());
        output.WriteLine($"  {computing.Result!.Customers:N0} customers counted, {computing.Result.Trend.Count} run pair(s) in the trend");
        var overview = await TimeAsync("overview served (CachedChurnOverview, first call computes)", () => overviewService.GetOverviewAsync());
        var summary = await TimeAsync($"cohort tier {biggestTier} (GetCohortAsync)", () => cohortService.GetCohortAsync(cohort));
        var members = await TimeAsync("cohort members page 1 (GetMembersAsync)", () => cohortService.GetMembersAsync(marketer, new ChurnMemberQuery(cohort, null, 0, 10)));
        output.WriteLine($"  cohort of {summary.Result!.Counts.Customers:N0} customers, {members.Result.Total:N0} listed");
        var highMembers = await TimeAsync("High risk now page 1 (drivers page)", () => cohortService.GetMembersAsync(marketer, new ChurnMemberQuery(ChurnCohort.Everyone, ChurnRiskBand.High, 0, 10)));
        var cohortView = summary.Warm + members.Warm;
        output.WriteLine($"cohort page first view, warm: {cohortView:F1} ms (summary + members)");
        await TimeAsync("cohort members page 500 by last purchase", () => cohortService.GetMembersAsync(marketer,
            new ChurnMemberQuery(cohort, null, 500, 10, ChurnMemberSort.LastPurchase, false)));
        var report = await TimeAsync("model report (GetModelReportAsync)", () => overviewService.GetModelReportAsync());
        var drivers = report.Warm + highMembers.Warm;

        var wait = TimeSpan.FromSeconds(30);
        var overviewRender = await RenderAsync(factory, overviewService, "render /churn", c => c.Render<ChurnPage>().WaitForElement(".ls-cohort-table", wait));
        var cohortRender = await RenderAsync(factory, overviewService, $"render /churn/cohort?by=tier&key={biggestTier} to the first member row", c =>
        {
            c.Services.GetRequiredService<NavigationManager>().NavigateTo($"churn/cohort?by=tier&key={biggestTier}");
            c.Render<ChurnCohortPage>().WaitForElement(".ls-member-link", wait);
        });

        Assert.True(overview.Warm < BudgetMs, $"the overview took {overview.Warm:F0} ms warm");
        Assert.True(cohortView < BudgetMs, $"the cohort page's data took {cohortView:F0} ms warm");
        Assert.True(drivers < BudgetMs, $"the drivers page's data took {drivers:F0} ms warm");
        Assert.True(overviewRender < BudgetMs && cohortRender < BudgetMs, $"renders took {overviewRender:F0} and {cohortRender:F0} ms warm");
    }

    private static async Task<string> BiggestTierAsync(LoyaltyDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.Customers.AsNoTracking().GroupBy(c => c.TierCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }

    private async Task<(T Result, double Cold, double Warm)> TimeAsync<T>(string what, Func<Task<T>> call)
    {
        var (result, cold, median, warm) = await WorkspaceBenchmark.TimeAsync(call);
        output.WriteLine($"{what}: cold {cold:F1} ms, warm median {median:F1} ms (runs {string.Join(", ", warm.Select(w => w.ToString("F0", CultureInfo.InvariantCulture)))})");
        return (result, cold, median);
    }

    /// <summary>Renders a page with the real services (the overview kept in memory, as in the app) until its content is shown; cold, then the median of five.</summary>
    private async Task<double> RenderAsync(LoyaltyDbContextFactory factory, IChurnOverviewService overview, string what, Action<ShellTestContext> renderUntilShown)
    {
        var times = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            await using var context = new ShellTestContext();
            context.Services.AddSingleton<IScoringCoordinator>(new ScriptedScoringCoordinator());
            context.SignInAs("bench@demo.local", Roles.Marketer);
            context.Services.AddSingleton<IDbContextFactory<LoyaltyDbContext>>(factory);
            context.Services.AddSingleton(TimeProvider.System);
            context.Services.AddChurnWorkspace();
            context.Services.AddSingleton(overview);
            var clock = Stopwatch.StartNew();
            renderUntilShown(context);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var median = times.Skip(1).Order().ElementAt(2);
        output.WriteLine($"{what}: cold {times[0]:F1} ms, warm median {median:F1} ms");
        return median;
    }
}

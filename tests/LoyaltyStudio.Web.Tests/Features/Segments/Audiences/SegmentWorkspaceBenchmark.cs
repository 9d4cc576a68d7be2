using System.Globalization;
using System.Diagnostics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Features.Segments.Rfm;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

/// <summary>
/// Times the service calls behind the first view of the RFM page, the audience list, the overlap matrix and the audience
/// builder on a copy of the benchmark file (the overlap needs saved audiences, so the file is copied rather than written
/// to): the first call cold, then the median of five warm calls. The list and the overlap are timed as the app serves
/// them (counts kept in memory by the warmer, which is timed first) and with nothing kept. Prints the figures; asserts
/// only that the answers are real.
/// </summary>
public sealed class SegmentWorkspaceBenchmark(ITestOutputHelper output)
{
    private static readonly AudienceRules HighRiskWithEmail = AudienceRules.Of(AudienceRuleGroup.All(
        SegmentWorkspaceShop.RiskBandIs("High"), SegmentWorkspaceShop.EmailConsent(true)));

    [WorkspaceBenchmarkFact("the first views of /segments/rfm, /segments/overlap and the audience builder")]
    public async Task First_views_of_rfm_overlap_and_builder_at_100k()
    {
        var folder = TempFolder.Create("workspace-bench");
        try
        {
            var file = Path.Combine(folder, "loyalty.db");
            File.Copy(Environment.GetEnvironmentVariable(WorkspaceBenchmark.Variable)!, file);
            var factory = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
            await using (var db = factory.CreateDbContext())
                await db.Database.MigrateAsync();
            var audiences = new SavedAudienceService(factory, TimeProvider.System);
            // A file generated before the simulator wrote version-1 rules: give its past-campaign audiences the rules
            // the simulator writes now (e-mail consent), so the list times what a freshly generated demo lists.
            await using (var db = factory.CreateDbContext())
            {
                var upgraded = AudienceRulesJson.Write(AudienceRules.Of(AudienceRuleGroup.All(SegmentWorkspaceShop.EmailConsent(true))));
                await db.SavedAudiences.Where(a => a.RulesJson.StartsWith("{\"rules\"")).ExecuteUpdateAsync(u => u.SetProperty(a => a.RulesJson, upgraded));
            }
            foreach (var (name, rules) in new[]
                     {
                         ("High risk, e-mail ok", HighRiskWithEmail),
                         ("High risk", AudienceRules.Of(AudienceRuleGroup.All(SegmentWorkspaceShop.RiskBandIs("High")))),
                         ("CLV 200+", AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.Of(AudienceFieldCatalog.LifetimeValue, AudienceOperator.AtLeast, "200")))),
                         ("Champions or loyal", AudienceRules.Of(AudienceRuleGroup.All(AudienceCondition.OneOf(AudienceFieldCatalog.RfmSegment, "rfm:champions", "rfm:loyal")))),
                     })
                await audiences.CreateAsync("bench " + name, rules, "bench");

            var rfm = new RfmViewService(factory);
            using var memory = new MemoryCache(new MemoryCacheOptions());
            var store = new AudienceCountStore(memory, TimeProvider.System);
            var overlap = new OverlapService(audiences, factory, store, TimeProvider.System);
            var sizes = new AudienceSizes(audiences, factory, store, NullLogger<AudienceSizes>.Instance);
            var workspace = new AudienceWorkspaceService(audiences, sizes, factory, SegmentWorkspaceShop.Authorization);

            output.WriteLine($"{"first view",-48} {"cold ms",8} {"warm median ms",15}");
            await TimeAsync("/segments/rfm (RfmViewService)", async () => Assert.True((await rfm.GetAsync())!.Customers > 0));
            // What the warmer does at start (cold: also compiles the queries), then every refresh (warm: counting only).
            await TimeAsync("warmer: count sizes + default overlap", async () =>
            {
                Assert.NotEmpty((await sizes.ListAsync(fresh: true)).Audiences);
                Assert.Equal(4, (await overlap.RefreshAsync())!.ShownAudienceIds.Count);
            });
            await TimeAsync("  of which the list's sizes", async () => Assert.NotEmpty((await sizes.ListAsync(fresh: true)).Audiences));
            await TimeAsync("  of which the overlap's members", async () => Assert.Equal(4, (await overlap.RefreshAsync())!.ShownAudienceIds.Count));
            // The pages' first views with the counts kept (cold: the first view in the process after the warmer ran).
            await TimeAsync("/segments/overlap (4 audiences + segments)", async () => Assert.Equal(4, (await overlap.GetAsync())!.ShownAudienceIds.Count));
            await TimeAsync("/segments/audiences (list with sizes)", async () => Assert.NotEmpty((await workspace.ListAsync(SegmentWorkspaceShop.Marketer)).Audiences));
            // Before the warmer has counted (or after a count expired): the view counts itself.
            await TimeAsync("/segments/audiences, nothing kept", async () =>
            {
                using var empty = new MemoryCache(new MemoryCacheOptions());
                var uncached = new AudienceWorkspaceService(audiences,
                    new AudienceSizes(audiences, factory, new AudienceCountStore(empty, TimeProvider.System), NullLogger<AudienceSizes>.Instance),
                    factory, SegmentWorkspaceShop.Authorization);
                Assert.NotEmpty((await uncached.ListAsync(SegmentWorkspaceShop.Marketer)).Audiences);
            });
            await TimeAsync("/segments/overlap, nothing kept", async () =>
            {
                using var empty = new MemoryCache(new MemoryCacheOptions());
                var uncached = new OverlapService(audiences, factory, new AudienceCountStore(empty, TimeProvider.System), TimeProvider.System);
                Assert.Equal(4, (await uncached.GetAsync())!.ShownAudienceIds.Count);
            });
            await TimeAsync("builder: editor options (with regions)", async () => Assert.NotNull(await workspace.EditorAsync(SegmentWorkspaceShop.Marketer, null)));
            await TimeAsync("  of which SavedAudienceService.EvaluateAsync", async () => Assert.True((await audiences.EvaluateAsync(HighRiskWithEmail, AudienceWorkspaceService.PreviewSize)).Size.Customers > 0));
            await TimeAsync("builder: live count + CLV + preview", async () => Assert.True((await workspace.EvaluateAsync(SegmentWorkspaceShop.Marketer, HighRiskWithEmail)).Size!.Customers > 0));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolder.Delete(folder);
        }
    }

    private async Task TimeAsync(string what, Func<Task> call)
    {
        var (_, cold, warm, runs) = await WorkspaceBenchmark.TimeAsync(async () => { await call(); return 0; });
        output.WriteLine($"{what,-48} {cold,8:0.0} {warm,15:0.0}   ({string.Join(", ", runs.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})");
    }
}

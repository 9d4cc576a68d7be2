using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Web.Features.Churn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>The overview kept in memory per current run: served again until refreshed, and never across runs.</summary>
public sealed class CachedChurnOverviewTests : IAsyncLifetime, IDisposable
{
    private ChurnTestShop _shop = null!;
    private MemoryCache _memory = null!;

    public async Task InitializeAsync()
    {
        _memory = new MemoryCache(new MemoryCacheOptions());
        _shop = await ChurnTestShop.CreateAsync();
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    public void Dispose() => _memory.Dispose();

    private CachedChurnOverview Cached() => new(_shop.OverviewService(), _shop.Database.Factory, _memory);

    [Fact]
    public async Task A_kept_overview_is_served_until_the_warmer_refreshes_it()
    {
        var cached = Cached();
        var first = await cached.GetOverviewAsync();
        await WithdrawProfilingConsentAsync("Ada");

        var served = await cached.GetOverviewAsync();
        var refreshed = await cached.RefreshAsync();

        Assert.Same(first, served);
        Assert.Equal(5, served!.Customers);
        Assert.Equal(4, refreshed!.Customers);
        Assert.Same(refreshed, await cached.GetOverviewAsync());
    }

    [Fact]
    public async Task When_another_run_becomes_current_its_overview_is_computed_not_the_old_one_served()
    {
        var cached = Cached();
        var first = await cached.GetOverviewAsync();
        long previousRunId;
        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            var runs = await db.ScoringRuns.Where(r => r.Status == Domain.Scoring.ScoringRunStatus.Succeeded).OrderBy(r => r.StartedAt).ToListAsync();
            var previous = runs[^2];
            runs[^1].Retire();
            previous.MakeCurrent();
            previousRunId = previous.Id;
            await db.SaveChangesAsync();
        }

        var second = await cached.GetOverviewAsync();

        Assert.Equal(_shop.CurrentRunId, first!.Run.Id);
        Assert.Equal(previousRunId, second!.Run.Id);
    }

    private async Task WithdrawProfilingConsentAsync(string name)
    {
        await using var db = _shop.Database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == _shop.Ids[name]);
        customer.ChangeConsent(new Consent(true, false, false, false, ChurnTestShop.Now));
        await db.SaveChangesAsync();
    }
}

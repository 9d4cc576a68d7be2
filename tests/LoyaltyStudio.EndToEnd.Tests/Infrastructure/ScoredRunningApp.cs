using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app on a demo set large enough to train on, trained and scored twice before any journey starts, so
/// the marketer's pages (segments, churn) have a current run and a previous one to compare with. The two runs see
/// different data, as they would in production: the first is scored while the last <see cref="DaysBetweenRuns"/> days of
/// orders have not arrived yet, the second after they have, so "since the last run" shows real movement.
/// </summary>
public sealed class ScoredRunningApp : RunningApp
{
    /// <summary>Demo customers: the churn model refuses to train on fewer than 500 customers with purchases.</summary>
    public const int ScoredCustomers = 1500;

    /// <summary>Days of orders that arrive between the first and the second run.</summary>
    public const int DaysBetweenRuns = 30;

    public ScoredRunningApp()
        : base(ScoredCustomers)
    {
        var coordinator = Services.GetRequiredService<IScoringCoordinator>();
        var contexts = Services.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>();
        // The cut-off of a run is the day after the latest order, so the first run (which also trains) sees the data
        // as it stood a month earlier; the held-back orders then arrive and the second run scores everything.
        HoldBackLatestOrdersAsync(contexts).GetAwaiter().GetResult();
        FirstRun = coordinator.RunFullAsync("e2e@demo.local").GetAwaiter().GetResult();
        ReleaseHeldBackOrdersAsync(contexts).GetAwaiter().GetResult();
        CurrentRun = coordinator.RunFullAsync("e2e@demo.local").GetAwaiter().GetResult();
    }

    /// <summary>The first scoring run, at a cut-off <see cref="DaysBetweenRuns"/> days before the current one.</summary>
    public Intelligence.Scoring.ScoringRunResult FirstRun { get; }

    /// <summary>The run the pages read.</summary>
    public Intelligence.Scoring.ScoringRunResult CurrentRun { get; }

    private static async Task HoldBackLatestOrdersAsync(IDbContextFactory<LoyaltyDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var latest = await db.Orders.MaxAsync(o => o.OrderedAt);
        var from = latest.Date.AddDays(1 - DaysBetweenRuns);
        await WithoutForeignKeysAsync(db, async () =>
        {
            // Order lines and points entries of these orders stay where they are: every feature reads them through
            // the order or before the cut-off, and the orders come back before the second run.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE e2e_orders_not_yet_arrived AS SELECT * FROM Orders WHERE OrderedAt >= {0}", from);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM Orders WHERE OrderedAt >= {0}", from);
        });
    }

    private static async Task ReleaseHeldBackOrdersAsync(IDbContextFactory<LoyaltyDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await WithoutForeignKeysAsync(db, async () =>
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Orders SELECT * FROM e2e_orders_not_yet_arrived");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE e2e_orders_not_yet_arrived");
        });
    }

    /// <summary>Runs <paramref name="work"/> on one connection with foreign keys off, so orders can leave and come back with their ids.</summary>
    private static async Task WithoutForeignKeysAsync(LoyaltyDbContext db, Func<Task> work)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            await work();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
            await db.Database.CloseConnectionAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ScoredBrowserJourneys : ICollectionFixture<ScoredRunningApp>
{
    public const string Name = "scored-browser";
}

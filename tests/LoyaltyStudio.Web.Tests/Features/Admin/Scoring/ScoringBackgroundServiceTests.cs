using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

[Collection(SimulatedScoringDatabaseGroup.Name)]
public sealed class ScoringBackgroundServiceTests(SimulatedScoringDatabase simulated)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Service_scores_at_start_then_picks_up_a_marked_customer_with_an_incremental_run_when_time_advances()
    {
        await using var db = await simulated.CopyAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var coordinator = RealScoring.Coordinator(db.Factory, clock);
        using var service = new ScoringBackgroundService(coordinator,
            Options.Create(new ScoringScheduleOptions { Enabled = true, DailyAt = "02:00", IncrementalEvery = "00:05:00" }),
            clock, NullLogger<ScoringBackgroundService>.Instance);

        await service.StartAsync(CancellationToken.None);
        try
        {
            var started = await RealScoring.WaitForStateAsync(coordinator, s => s.LastResult is not null || s.LastError is not null, Patience);
            Assert.Null(started.LastError);
            var first = await coordinator.FindCurrentRunAsync();
            Assert.NotNull(first);
            Assert.Equal(ScoringRunKind.Full, first.Kind);
            Assert.Equal(ScoringBackgroundService.StartUpTrigger, first.TriggeredBy);

            long customerId;
            await using (var context = db.Factory.CreateDbContext())
            {
                customerId = await context.CustomerScores.Where(s => s.ScoringRunId == first.Id).OrderBy(s => s.CustomerId)
                    .Select(s => s.CustomerId).FirstAsync();
                var customer = await context.Customers.SingleAsync(c => c.Id == customerId);
                customer.MarkForRescoring(clock.GetUtcNow().UtcDateTime);
                await context.SaveChangesAsync();
            }

            await clock.WhenATimerIsPendingAsync().WaitAsync(Patience);
            clock.Advance(TimeSpan.FromMinutes(5));

            var after = await RealScoring.WaitForStateAsync(coordinator,
                s => s.LastResult?.Kind == ScoringRunKind.Incremental || s.LastError is not null, Patience);
            Assert.Null(after.LastError);
            Assert.Equal(1, after.LastResult!.CustomersScored);
            Assert.Equal(first.CustomersScored - 1, after.LastResult.CustomersCopied);
            var current = await coordinator.FindCurrentRunAsync();
            Assert.Equal(after.LastResult.RunId, current!.Id);
            Assert.Equal(ScoringBackgroundService.IncrementalTrigger, current.TriggeredBy);
            await using (var context = db.Factory.CreateDbContext())
                Assert.Null(await context.Customers.Where(c => c.Id == customerId).Select(c => c.RescoreRequestedAt).SingleAsync());
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Disabled_service_starts_no_run_even_with_data_and_no_current_run()
    {
        await using var db = await simulated.CopyAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 7, 1, 1, 59, 0, TimeSpan.Zero));
        var coordinator = RealScoring.Coordinator(db.Factory, clock);
        using var service = new ScoringBackgroundService(coordinator,
            Options.Create(new ScoringScheduleOptions { Enabled = false }), clock, NullLogger<ScoringBackgroundService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Patience);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(ScoringState.Initial, coordinator.State);
        Assert.True(await coordinator.NeedsFirstRunAsync());
        await service.StopAsync(CancellationToken.None);
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

public sealed class ScoringCoordinatorShutdownTests
{
    [Fact]
    public async Task App_shutdown_disposes_the_coordinator_registered_under_both_its_names_without_an_error()
    {
        await using var db = await TempSqliteDatabase.CreateMigratedAsync();
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IDbContextFactory<LoyaltyDbContext>>(db.Factory)
            .AddCustomerScoring(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        // The pages ask for the interface, the background service for the class: both resolve to one instance,
        // which the container then disposes once per registration.
        var byInterface = provider.GetRequiredService<IScoringCoordinator>();
        Assert.Same(provider.GetRequiredService<ScoringCoordinator>(), byInterface);

        var shutdown = await Record.ExceptionAsync(async () => await provider.DisposeAsync());

        Assert.Null(shutdown);
    }

    [Fact]
    public async Task Work_requested_after_shutdown_ends_as_cancelled_rather_than_disposed()
    {
        await using var db = await TempSqliteDatabase.CreateMigratedAsync();
        var coordinator = RealScoring.Coordinator(db.Factory, TimeProvider.System);
        coordinator.Dispose();
        coordinator.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => coordinator.TrainAsync("admin@demo.local"));
        Assert.Contains("cancelled", coordinator.State.LastError, StringComparison.Ordinal);
    }
}

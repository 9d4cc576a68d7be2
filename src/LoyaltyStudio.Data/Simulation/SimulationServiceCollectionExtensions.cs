using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>Registers the data generator used by first-start seeding and <c>loyalty seed</c>.</summary>
public static class SimulationServiceCollectionExtensions
{
    /// <summary>Registers the behavioural simulator (<see cref="LoyaltySimulator"/>) as the <see cref="ILoyaltyDataGenerator"/> (needs the data layer's context factory).</summary>
    public static IServiceCollection AddDemoDataGenerator(this IServiceCollection services)
    {
        services.TryAddSingleton<ILoyaltyDataGenerator>(provider =>
            new LoyaltySimulator(provider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>()));
        return services;
    }
}

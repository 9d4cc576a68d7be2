using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>Registers the saved-audience service.</summary>
public static class AudienceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SavedAudienceService"/> (needs the data layer's context factory; uses <see cref="TimeProvider.System"/> unless one is registered).</summary>
    public static IServiceCollection AddSavedAudiences(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SavedAudienceService(
            provider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}

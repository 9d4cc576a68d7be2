using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>Registers the one feature builder that training and scoring share.</summary>
public static class FeatureServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqlFeatureBuilder"/> as the <see cref="IFeatureBuilder"/> (needs the data layer's context factory).</summary>
    public static IServiceCollection AddFeatureBuilder(this IServiceCollection services)
    {
        services.TryAddSingleton<IFeatureBuilder>(provider =>
            new SqlFeatureBuilder(provider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>()));
        return services;
    }
}

using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>Registers the services behind the churn-risk pages.</summary>
public static class ChurnWorkspaceServiceExtensions
{
    /// <summary>
    /// Adds the services behind the churn-risk pages: the overview (computed per run, kept in memory and refreshed in
    /// the background), cohorts, and the saved audiences "act on this cohort" creates (registered once, whoever asks first).
    /// </summary>
    public static IServiceCollection AddChurnWorkspace(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSavedAudiences();
        services.AddMemoryCache();
        services.AddSingleton<ChurnOverviewService>();
        services.AddSingleton<CachedChurnOverview>();
        services.AddSingleton<IChurnOverviewService>(sp => sp.GetRequiredService<CachedChurnOverview>());
        services.AddHostedService<ChurnOverviewWarmer>();
        services.AddScoped<IChurnCohortService, ChurnCohortService>();
        return services;
    }
}

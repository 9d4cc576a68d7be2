using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>Registers the services behind the churn-risk pages.</summary>
public static class ChurnWorkspaceServiceExtensions
{
    /// <summary>Adds the services behind the churn-risk pages (and the saved audiences "act on this cohort" creates; registered once whoever asks first).</summary>
    public static IServiceCollection AddChurnWorkspace(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSavedAudiences();
        services.AddScoped<IChurnOverviewService, ChurnOverviewService>();
        services.AddScoped<IChurnCohortService, ChurnCohortService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>Registers the services behind the churn-risk pages.</summary>
public static class ChurnWorkspaceServiceExtensions
{
    /// <summary>Adds the services behind the churn-risk pages.</summary>
    public static IServiceCollection AddChurnWorkspace(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }
}

using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Features.Segments.Rfm;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>Registers the services behind the RFM view, the audience builder and the overlap matrix.</summary>
public static class AudienceWorkspaceServiceExtensions
{
    /// <summary>Adds the services behind the RFM view, the audience builder and the overlap matrix.</summary>
    public static IServiceCollection AddAudienceWorkspace(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSavedAudiences();
        services.AddMemoryCache();
        services.AddScoped<IRfmViewService, RfmViewService>();
        // Audience sizes and overlap memberships are kept in memory per run and rule tree and counted in the background.
        services.AddSingleton<AudienceCountStore>();
        services.AddSingleton<AudienceSizes>();
        services.AddSingleton<OverlapService>();
        services.AddSingleton<IOverlapService>(sp => sp.GetRequiredService<OverlapService>());
        services.AddHostedService<AudienceCountWarmer>();
        services.AddScoped<IAudienceWorkspaceService, AudienceWorkspaceService>();
        return services;
    }
}

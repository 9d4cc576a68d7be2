using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Features.Segments.Rfm;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>Registers the services behind the RFM view, the audience builder and the overlap matrix.</summary>
public static class AudienceWorkspaceServiceExtensions
{
    /// <summary>Adds the services behind the RFM view, the audience builder and the overlap matrix.</summary>
    public static IServiceCollection AddAudienceWorkspace(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IRfmViewService, RfmViewService>();
        services.AddScoped<IAudienceWorkspaceService, AudienceWorkspaceService>();
        services.AddScoped<IOverlapService, OverlapService>();
        return services;
    }
}

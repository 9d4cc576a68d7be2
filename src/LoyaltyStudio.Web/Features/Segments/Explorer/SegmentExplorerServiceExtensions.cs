using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>Registers the services behind the micro-segment map, segment pages and member grid.</summary>
public static class SegmentExplorerServiceExtensions
{
    /// <summary>Adds the services behind the micro-segment map, segment pages and member grid.</summary>
    public static IServiceCollection AddSegmentExplorer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<ISegmentExplorerService, SegmentExplorerService>();
        return services;
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>Registers training and scoring in the web app: the coordinator, the background service and <c>Scoring:*</c>.</summary>
public static class ScoringServiceExtensions
{
    public static IServiceCollection AddCustomerScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScoringScheduleOptions>()
            .Bind(configuration.GetSection(ScoringScheduleOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringScheduleOptions>, ScoringScheduleOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeatureBuilder>(sp => new SqlFeatureBuilder(sp.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>()));
        services.TryAddSingleton<ModelVersionRegistry>();
        // The same defaults as `loyalty train` / `loyalty score`, so the web app and the CLI score alike.
        services.TryAddSingleton(_ => new ScoringOptions());
        services.TryAddSingleton<ScoringRunner>();
        services.TryAddSingleton<Trainer>();
        services.TryAddSingleton<ScoringCoordinator>();
        services.TryAddSingleton<IScoringCoordinator>(sp => sp.GetRequiredService<ScoringCoordinator>());
        services.AddHostedService<ScoringBackgroundService>();
        return services;
    }

    private sealed class ScoringScheduleOptionsValidator : IValidateOptions<ScoringScheduleOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScoringScheduleOptions options)
        {
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

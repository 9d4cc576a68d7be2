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
        // Scoring:* (horizon, risk thresholds, lifetime horizon) is read exactly as `loyalty train` / `loyalty score` read it,
        // so the web app and the CLI score alike; a value that cannot work stops the app at start naming the setting.
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.Section))
            .Configure(o => o.UseDisplayCulture(configuration[ScoringOptions.CultureSetting])).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ScoringOptions>>().Value);
        services.TryAddSingleton<ScoringRunner>();
        services.TryAddSingleton<Trainer>();
        services.TryAddSingleton<ScoringCoordinator>();
        services.TryAddSingleton<IScoringCoordinator>(sp => sp.GetRequiredService<ScoringCoordinator>());
        services.AddHostedService<ScoringBackgroundService>();
        return services;
    }

    private sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScoringOptions options)
        {
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
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

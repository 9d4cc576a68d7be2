using System.Text.Json;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Registry;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>The active model versions a run scores with, read from the registry and ready to use.</summary>
public sealed record ActiveModels(ChurnModel Churn, int ChurnVersion, LifetimeValueArtifact Lifetime, int LifetimeVersion)
{
    public const string NoChurnModel = "No churn model is trained yet — run `loyalty train` first.";
    public const string NoLifetimeModel = "No lifetime-value model is trained yet — run `loyalty train` first.";

    /// <summary>Which versions were used, for <see cref="ScoringRun.ModelVersionsJson"/>.</summary>
    public string VersionsJson => JsonSerializer.Serialize(new Dictionary<string, int>
    {
        [nameof(ModelKind.Churn)] = ChurnVersion,
        [nameof(ModelKind.LifetimeValue)] = LifetimeVersion,
    });

    /// <summary>Loads the active churn and lifetime-value versions; says which is missing when one is.</summary>
    public static async Task<ActiveModels> LoadAsync(ModelVersionRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var churn = await registry.GetActiveAsync(ModelKind.Churn, cancellationToken)
            ?? throw new ScoringNotReadyException(NoChurnModel);
        var lifetime = await registry.GetActiveAsync(ModelKind.LifetimeValue, cancellationToken)
            ?? throw new ScoringNotReadyException(NoLifetimeModel);
        return new ActiveModels(ChurnModel.FromBytes(churn.Artifact), churn.Version,
            LifetimeValueArtifact.FromBytes(lifetime.Artifact), lifetime.Version);
    }
}

using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Intelligence.Registry;

/// <summary>A trained model about to be stored: what it is, its bytes, how it did, and on which data.</summary>
public sealed record NewModelVersion(
    ModelKind Kind,
    string Algorithm,
    byte[] Artifact,
    string MetricsJson,
    DateTime TrainingWindowStart,
    DateTime TrainingWindowEnd,
    string CreatedBy);

/// <summary>One stored model version without its artifact, for lists and run records.</summary>
public sealed record ModelVersionInfo(
    long Id,
    ModelKind Kind,
    int Version,
    string Algorithm,
    string MetricsJson,
    DateTime TrainingWindowStart,
    DateTime TrainingWindowEnd,
    DateTime CreatedAt,
    string CreatedBy,
    bool IsActive);

using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>One trained model in the registry, with what it was trained on and how well it did.</summary>
public class ModelVersion
{
    public long Id { get; private set; }
    public ModelKind Kind { get; private set; }

    /// <summary>1, 2, 3... per kind.</summary>
    public int Version { get; private set; }
    public string Algorithm { get; private set; } = "";
    public byte[] Artifact { get; private set; } = [];

    /// <summary>Evaluation metrics as JSON (AUC, Brier, calibration table...).</summary>
    public string MetricsJson { get; private set; } = "{}";
    public DateTime TrainingWindowStart { get; private set; }
    public DateTime TrainingWindowEnd { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public bool IsActive { get; private set; }

    private ModelVersion() { }

    public ModelVersion(ModelKind kind, int version, string algorithm, byte[] artifact, string metricsJson,
        DateTime trainingWindowStart, DateTime trainingWindowEnd, string createdBy, DateTime createdAt)
    {
        if (version < 1)
            throw new DomainException("Model versions start at 1.");
        if (trainingWindowEnd <= trainingWindowStart)
            throw new DomainException($"{kind} model v{version}: the training window must end after it starts.");
        Kind = kind;
        Version = version;
        Algorithm = algorithm;
        Artifact = artifact ?? [];
        MetricsJson = metricsJson;
        TrainingWindowStart = trainingWindowStart;
        TrainingWindowEnd = trainingWindowEnd;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    /// <summary>Makes this version the one used for scoring; the registry deactivates the others of its kind.</summary>
    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;
}

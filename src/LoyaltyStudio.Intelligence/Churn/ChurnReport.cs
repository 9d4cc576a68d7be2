using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// How the churn model was chosen and how well it did out of time: trained on features at T−2H with labels in
/// [T−2H, T−H), tested on features at T−H with labels in [T−H, T). Serialised as the model version's metrics.
/// </summary>
public sealed record ChurnReport
{
    /// <summary>The algorithm kept for the production model (the better out-of-time ROC AUC).</summary>
    [JsonPropertyName("algorithm")] public required string Algorithm { get; init; }

    /// <summary>ROC AUC of the kept algorithm's calibrated probabilities on the later window.</summary>
    [JsonPropertyName("auc")] public required double Auc { get; init; }

    /// <summary>ROC AUC of recency (days since the last purchase) alone on the same customers.</summary>
    [JsonPropertyName("baselineAuc")] public required double BaselineAuc { get; init; }

    [JsonPropertyName("prAuc")] public required double PrAuc { get; init; }

    [JsonPropertyName("brier")] public required double Brier { get; init; }

    /// <summary>Churn rate of the top-scored tenth over the overall churn rate.</summary>
    [JsonPropertyName("liftTopDecile")] public required double LiftTopDecile { get; init; }

    /// <summary>Seconds spent fitting models (both candidates, calibration, the production model), not building features.</summary>
    [JsonPropertyName("trainSeconds")] public required double TrainSeconds { get; init; }

    [JsonPropertyName("featureSeconds")] public required double FeatureSeconds { get; init; }

    [JsonPropertyName("horizonDays")] public required int HorizonDays { get; init; }

    [JsonPropertyName("latestDate")] public required DateTime LatestDate { get; init; }

    [JsonPropertyName("evaluation")] public required ChurnWindow Evaluation { get; init; }

    [JsonPropertyName("production")] public required ChurnWindow Production { get; init; }

    [JsonPropertyName("candidates")] public required IReadOnlyList<ChurnCandidate> Candidates { get; init; }

    [JsonPropertyName("calibration")] public required IReadOnlyList<CalibrationBin> Calibration { get; init; }

    /// <summary>Features by mean absolute contribution to the production model's score, largest first.</summary>
    [JsonPropertyName("drivers")] public required IReadOnlyList<ChurnDriver> Drivers { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ChurnReport FromJson(string json) =>
        JsonSerializer.Deserialize<ChurnReport>(json, JsonOptions) ?? throw new JsonException("The churn report JSON is empty.");
}

/// <summary>One labelled window: its cut-off, how many customers and how many churned.</summary>
public sealed record ChurnWindow(
    [property: JsonPropertyName("trainCutoff")] DateTime TrainCutoff,
    [property: JsonPropertyName("trainCustomers")] int TrainCustomers,
    [property: JsonPropertyName("trainChurned")] int TrainChurned,
    [property: JsonPropertyName("testCutoff")] DateTime? TestCutoff,
    [property: JsonPropertyName("testCustomers")] int TestCustomers,
    [property: JsonPropertyName("testChurned")] int TestChurned);

/// <summary>One algorithm measured on the out-of-time split.</summary>
public sealed record ChurnCandidate(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("auc")] double Auc,
    [property: JsonPropertyName("prAuc")] double PrAuc,
    [property: JsonPropertyName("brier")] double Brier,
    [property: JsonPropertyName("trainSeconds")] double TrainSeconds);

/// <summary>A global driver of churn risk: a feature and its mean absolute contribution to the score.</summary>
public sealed record ChurnDriver(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("meanAbsContribution")] double MeanAbsContribution);

using System.Text.Json.Serialization;
using LoyaltyStudio.Intelligence.Churn;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// What <see cref="Trainer"/> did with one kind of model: the version it stored (if any), whether it is now active,
/// and why not when it is not.
/// </summary>
public sealed record TrainedModel(
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("activated")] bool Activated,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>The lifetime-value fit as reported: parameters, log-likelihoods and how many customers they rest on.</summary>
public sealed record LifetimeReport(
    [property: JsonPropertyName("periodDays")] double PeriodDays,
    [property: JsonPropertyName("r")] double R,
    [property: JsonPropertyName("alpha")] double Alpha,
    [property: JsonPropertyName("a")] double A,
    [property: JsonPropertyName("b")] double B,
    [property: JsonPropertyName("logLikelihood")] double LogLikelihood,
    [property: JsonPropertyName("customers")] int Customers,
    [property: JsonPropertyName("p")] double P,
    [property: JsonPropertyName("q")] double Q,
    [property: JsonPropertyName("gamma")] double Gamma,
    [property: JsonPropertyName("spendLogLikelihood")] double SpendLogLikelihood,
    [property: JsonPropertyName("repeatCustomers")] int RepeatCustomers,
    [property: JsonPropertyName("fitSeconds")] double FitSeconds);

/// <summary>The evaluation report of one training: the churn report and the lifetime-value fit, with what became active.</summary>
public sealed record TrainingOutcome(
    [property: JsonPropertyName("latestDate")] DateTime LatestDate,
    [property: JsonPropertyName("churn")] ChurnReport? Churn,
    [property: JsonPropertyName("churnModel")] TrainedModel ChurnModel,
    [property: JsonPropertyName("lifetimeValue")] LifetimeReport? LifetimeValue,
    [property: JsonPropertyName("lifetimeValueModel")] TrainedModel LifetimeValueModel);

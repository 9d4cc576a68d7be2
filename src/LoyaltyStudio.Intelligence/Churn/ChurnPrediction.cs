using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>One customer's churn risk: calibrated probability, 0–100 score, band and, for risky customers, the reasons.</summary>
public sealed record ChurnPrediction(long CustomerId, double Probability, int Score, ChurnRiskBand Band, IReadOnlyList<ChurnReason> Reasons);

/// <summary>One feature that pushed a customer's churn score up, by how much (model score units) and in words.</summary>
public sealed record ChurnReason(string Feature, double Contribution, string Sentence);

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>A churn-risk score put into words.</summary>
public enum ChurnRiskBand
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>Thresholds on the 0–100 churn score that separate the bands.</summary>
public sealed record ChurnRiskThresholds(int MediumFrom, int HighFrom)
{
    public static ChurnRiskThresholds Default { get; } = new(40, 70);

    public ChurnRiskBand BandFor(int score)
    {
        if (score is < 0 or > 100)
            throw new Common.DomainException($"A churn score runs from 0 to 100, not {score}.");
        return score >= HighFrom ? ChurnRiskBand.High : score >= MediumFrom ? ChurnRiskBand.Medium : ChurnRiskBand.Low;
    }
}

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
    // Validated here so that thresholds read from settings cannot make a band unreachable.
    public int MediumFrom { get; init; } = MediumFrom is >= 1 and <= 100
        ? MediumFrom
        : throw new Common.DomainException($"The medium churn-risk threshold must lie between 1 and 100, not {MediumFrom}.");

    public int HighFrom { get; init; } = HighFrom > MediumFrom && HighFrom <= 100
        ? HighFrom
        : throw new Common.DomainException($"The high churn-risk threshold ({HighFrom}) must be above the medium one ({MediumFrom}) and at most 100.");

    public static ChurnRiskThresholds Default { get; } = new(40, 70);

    public ChurnRiskBand BandFor(int score)
    {
        if (score is < 0 or > 100)
            throw new Common.DomainException($"A churn score runs from 0 to 100, not {score}.");
        return score >= HighFrom ? ChurnRiskBand.High : score >= MediumFrom ? ChurnRiskBand.Medium : ChurnRiskBand.Low;
    }
}

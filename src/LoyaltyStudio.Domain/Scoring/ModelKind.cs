namespace LoyaltyStudio.Domain.Scoring;

/// <summary>Which question a model answers.</summary>
public enum ModelKind
{
    Churn = 0,
    LifetimeValue = 1,
    MicroSegments = 2,
    Rfm = 3,
    NextBestOffer = 4,
    Uplift = 5,
}

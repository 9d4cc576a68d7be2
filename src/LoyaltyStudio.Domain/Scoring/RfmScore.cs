using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>A customer's recency, frequency and monetary quintile scores, each from 1 (lowest fifth) to 5 (highest).</summary>
public sealed record RfmScore
{
    public RfmScore(int recency, int frequency, int monetary)
    {
        Recency = Checked(recency, "recency");
        Frequency = Checked(frequency, "frequency");
        Monetary = Checked(monetary, "monetary");
    }

    /// <summary>5 = bought most recently.</summary>
    public int Recency { get; }

    public int Frequency { get; }

    public int Monetary { get; }

    private static int Checked(int value, string what) => value is >= 1 and <= 5
        ? value
        : throw new DomainException($"An RFM {what} score runs from 1 to 5, not {value}.");
}

using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Loyalty;

/// <summary>A level of the programme, reached by qualifying spend over a rolling window.</summary>
public class Tier
{
    public const string DefaultCode = "BRONZE";

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Order of tiers: 0 is the entry tier.</summary>
    public int Rank { get; private set; }

    /// <summary>Spend within the qualifying window needed to hold this tier.</summary>
    public decimal QualifyingSpend { get; private set; }

    /// <summary>Points per currency unit spent.</summary>
    public decimal PointsPerCurrencyUnit { get; private set; }

    private Tier() { }

    public Tier(string code, string name, int rank, decimal qualifyingSpend, decimal pointsPerCurrencyUnit)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new DomainException("A tier needs a code.");
        if (rank < 0)
            throw new DomainException($"Tier {code}: the rank cannot be negative.");
        if (qualifyingSpend < 0)
            throw new DomainException($"Tier {code}: the qualifying spend cannot be negative.");
        if (pointsPerCurrencyUnit < 0)
            throw new DomainException($"Tier {code}: the points rate cannot be negative.");
        Code = code;
        Name = name;
        Rank = rank;
        QualifyingSpend = qualifyingSpend;
        PointsPerCurrencyUnit = pointsPerCurrencyUnit;
    }

    /// <summary>Points earned for an order of this value (whole points, rounded down; nothing for returns).</summary>
    public int PointsFor(decimal orderValue) =>
        orderValue <= 0 ? 0 : (int)Math.Floor(orderValue * PointsPerCurrencyUnit);
}

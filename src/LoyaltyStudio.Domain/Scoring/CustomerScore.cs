namespace LoyaltyStudio.Domain.Scoring;

/// <summary>Everything one scoring run concluded about one customer.</summary>
public class CustomerScore
{
    public long Id { get; private set; }
    public long ScoringRunId { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>Calibrated probability of no purchase within the horizon.</summary>
    public double ChurnProbability { get; private set; }

    /// <summary>0–100.</summary>
    public int ChurnScore { get; private set; }
    public ChurnRiskBand ChurnRiskBand { get; private set; }

    /// <summary>Top reasons for the churn score, as JSON sentences with weights.</summary>
    public string ChurnReasonsJson { get; private set; } = "[]";
    public double ProbabilityAlive { get; private set; }
    public double ExpectedPurchases { get; private set; }

    /// <summary>Gamma-Gamma estimate of the customer's mean spend per order.</summary>
    public decimal ExpectedSpendPerOrder { get; private set; }
    public decimal PredictedLifetimeValue { get; private set; }

    /// <summary>Recency quintile score, 1–5 (5 = most recent).</summary>
    public int RfmRecency { get; private set; }

    /// <summary>Frequency quintile score, 1–5.</summary>
    public int RfmFrequency { get; private set; }

    /// <summary>Monetary quintile score, 1–5.</summary>
    public int RfmMonetary { get; private set; }
    public long? MicroSegmentId { get; private set; }
    public long? RfmSegmentId { get; private set; }

    /// <summary>Ranked next-best-offer candidates as JSON.</summary>
    public string NextBestOffersJson { get; private set; } = "[]";

    /// <summary>Money the customer paid (after discounts) in the 365 days before the run's cut-off.</summary>
    public decimal Spend365 { get; private set; }

    /// <summary>The customer's points balance at the run's cut-off.</summary>
    public decimal PointsBalance { get; private set; }

    /// <summary>Whole days from the last purchase to the run's cut-off; null when the customer never bought.</summary>
    public int? DaysSinceLastPurchase { get; private set; }

    private CustomerScore() { }

    public CustomerScore(long scoringRunId, long customerId, double churnProbability, ChurnRiskThresholds thresholds,
        string churnReasonsJson, double probabilityAlive, double expectedPurchases, decimal expectedSpendPerOrder,
        decimal predictedLifetimeValue, RfmScore rfm, long? microSegmentId, long? rfmSegmentId, string nextBestOffersJson)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(rfm);
        if (churnProbability is < 0 or > 1 || double.IsNaN(churnProbability))
            throw new Common.DomainException($"Customer {customerId}: a churn probability must lie in [0, 1], not {churnProbability}.");
        if (probabilityAlive is < 0 or > 1 || double.IsNaN(probabilityAlive))
            throw new Common.DomainException($"Customer {customerId}: P(alive) must lie in [0, 1], not {probabilityAlive}.");
        if (expectedPurchases < 0 || !double.IsFinite(expectedPurchases))
            throw new Common.DomainException($"Customer {customerId}: expected purchases must be a finite number of at least 0, not {expectedPurchases}.");
        if (expectedSpendPerOrder < 0)
            throw new Common.DomainException($"Customer {customerId}: expected spend per order cannot be negative ({expectedSpendPerOrder}).");
        if (predictedLifetimeValue < 0)
            throw new Common.DomainException($"Customer {customerId}: predicted lifetime value cannot be negative ({predictedLifetimeValue}).");
        ScoringRunId = scoringRunId;
        CustomerId = customerId;
        ChurnProbability = churnProbability;
        ChurnScore = (int)Math.Round(churnProbability * 100, MidpointRounding.AwayFromZero);
        ChurnRiskBand = thresholds.BandFor(ChurnScore);
        ChurnReasonsJson = churnReasonsJson;
        ProbabilityAlive = probabilityAlive;
        ExpectedPurchases = expectedPurchases;
        ExpectedSpendPerOrder = expectedSpendPerOrder;
        PredictedLifetimeValue = predictedLifetimeValue;
        RfmRecency = rfm.Recency;
        RfmFrequency = rfm.Frequency;
        RfmMonetary = rfm.Monetary;
        MicroSegmentId = microSegmentId;
        RfmSegmentId = rfmSegmentId;
        NextBestOffersJson = nextBestOffersJson;
    }

    /// <summary>
    /// Records what the customer did up to the cut-off (spend, points, recency), so that pages can aggregate revenue and
    /// points liability per band or segment from the snapshot alone.
    /// </summary>
    public void RecordActivity(decimal spend365, decimal pointsBalance, int? daysSinceLastPurchase)
    {
        if (spend365 < 0)
            throw new Common.DomainException($"Customer {CustomerId}: spend over 365 days cannot be negative ({spend365}).");
        if (daysSinceLastPurchase < 0)
            throw new Common.DomainException($"Customer {CustomerId}: days since the last purchase cannot be negative ({daysSinceLastPurchase}).");
        Spend365 = spend365;
        PointsBalance = pointsBalance;
        DaysSinceLastPurchase = daysSinceLastPurchase;
    }
}

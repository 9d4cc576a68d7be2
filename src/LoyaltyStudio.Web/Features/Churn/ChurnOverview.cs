using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>
/// The first view of /churn, from the current scoring run: the score distribution with the run's band thresholds, each
/// band's share of customers, revenue and points, the model's quality, movement into and out of High over the last runs,
/// and risk by cohort. Only customers who consented to profiling are counted (<see cref="WithoutProfilingConsent"/> are left out).
/// </summary>
public sealed record ChurnOverview(
    ChurnRunInfo Run,
    ChurnRiskThresholds Thresholds,
    IReadOnlyList<int> CustomersByScore,
    IReadOnlyList<ChurnBandShare> Bands,
    int WithoutProfilingConsent,
    ChurnModelBadge? Model,
    IReadOnlyList<HighBandMovement> Trend,
    IReadOnlyList<ChurnCohortTable> Cohorts)
{
    /// <summary>Customers counted on the page.</summary>
    public int Customers => Bands.Sum(b => b.Customers);
}

/// <summary>The scoring run a churn page reads.</summary>
public sealed record ChurnRunInfo(long Id, DateTime Cutoff, DateTime? FinishedAt);

/// <summary>One risk band: its customers, their spend over the 365 days before the cut-off and their points at the cut-off, with shares of the whole.</summary>
public sealed record ChurnBandShare(ChurnRiskBand Band, int Customers, decimal Spend365, decimal PointsBalance,
    double CustomerShare, double RevenueShare, double PointsShare);

/// <summary>The churn model a run scored with: version, algorithm, out-of-time AUC against the recency baseline, when and on what it was trained.</summary>
public sealed record ChurnModelBadge(int Version, string Algorithm, double? Auc, double? BaselineAuc, DateTime TrainedAt,
    DateTime WindowStart, DateTime WindowEnd)
{
    /// <summary>True when the model beat recency alone on the later window.</summary>
    public bool BeatsBaseline => Auc is { } auc && BaselineAuc is { } baseline && auc > baseline;
}

/// <summary>Between a run and the one before it: customers who came into the High band, who left it, and how many are High now.</summary>
public sealed record HighBandMovement(long RunId, DateTime Cutoff, DateTime PreviousCutoff, int Entered, int Left, int HighNow);

/// <summary>Risk by the cohorts of one dimension, as the heatmap and the table show them.</summary>
public sealed record ChurnCohortTable(ChurnCohortDimension Dimension, string Title, string Definition, IReadOnlyList<ChurnCohortRow> Rows);

/// <summary>One cohort's customers per band and their mean churn score.</summary>
public sealed record ChurnCohortRow(ChurnCohort Cohort, string Label, int Low, int Medium, int High, double AverageScore)
{
    public int Customers => Low + Medium + High;

    /// <summary>Share of the cohort in the High band, 0–1.</summary>
    public double HighShare => Customers == 0 ? 0 : (double)High / Customers;
}

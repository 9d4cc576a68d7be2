using LoyaltyStudio.Intelligence.Churn;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>
/// The stored report of the churn model the current run scored with: the badge, the report itself (AUC, PR AUC, Brier,
/// lift, calibration, windows), and the global drivers with their labels; <see cref="Problem"/> says why the report
/// could not be read, and then <see cref="Report"/> is null.
/// </summary>
public sealed record ChurnModelReport(ChurnModelBadge Badge, ChurnReport? Report, IReadOnlyList<ChurnDriverBar> Drivers, string? Problem);

/// <summary>A global driver of churn risk: the feature's label, what it measures, and its mean absolute contribution to the score.</summary>
public sealed record ChurnDriverBar(string Feature, string Label, string Description, double Contribution);

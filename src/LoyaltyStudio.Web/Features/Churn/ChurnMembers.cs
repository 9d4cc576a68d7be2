using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>What a member list can be sorted by.</summary>
public enum ChurnMemberSort
{
    ChurnScore = 0,
    LifetimeValue = 1,
    LastPurchase = 2,
    ExternalId = 3,
}

/// <summary>Which members of a cohort to list, one page at a time (pages count from 0).</summary>
public sealed record ChurnMemberQuery(ChurnCohort Cohort, ChurnRiskBand? Band, int Page, int PageSize,
    ChurnMemberSort SortBy = ChurnMemberSort.ChurnScore, bool Descending = true)
{
    /// <summary>The largest page a grid may ask for.</summary>
    public const int MaxPageSize = 100;
}

/// <summary>One member: churn score and band, the reasons in sentences (strongest first), lifetime value and last purchase. The name is masked for roles that see personal data masked.</summary>
public sealed record ChurnMemberRow(long CustomerId, string ExternalId, string Name, int ChurnScore, ChurnRiskBand Band,
    IReadOnlyList<string> Reasons, decimal LifetimeValue, DateTime? LastPurchase)
{
    /// <summary>The strongest reason, or null when the run gave none (low-risk customers have none).</summary>
    public string? TopReason => Reasons.Count > 0 ? Reasons[0] : null;
}

/// <summary>One page of members and how many there are in all.</summary>
public sealed record ChurnMembersPage(int Total, IReadOnlyList<ChurnMemberRow> Rows, bool Masked);

/// <summary>A cohort as its page heads it: its label, what it means, its customers per band, and whether an audience rule can select it.</summary>
public sealed record ChurnCohortSummary(ChurnCohort Cohort, string Title, string Definition, ChurnCohortRow Counts, ChurnRunInfo Run,
    string? CannotActBecause);

/// <summary>The saved audience made from a cohort: its name and how many customers it selects now.</summary>
public sealed record CohortAudienceCreated(long AudienceId, string Name, int Customers, string RulesSummary);

using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// A customer with their score from the current scoring run (null when the run did not score them, or there is no
/// current run). The consent flags are copied out of the owned <see cref="Consent"/> because EF Core cannot follow an
/// owned navigation inside the aggregates that count and sum an audience.
/// </summary>
public sealed class AudienceCandidate
{
    /// <summary>
    /// The customer's id, taken from the side of the join the statement starts from (the score when every member needs
    /// one), so that ordering and correlating by it can use that table's index.
    /// </summary>
    public long CustomerId { get; init; }

    public Customer Customer { get; init; } = null!;

    public CustomerScore? Score { get; init; }

    public bool EmailConsent { get; init; }

    public bool SmsConsent { get; init; }

    public bool PushConsent { get; init; }

    public bool ProfilingConsent { get; init; }
}

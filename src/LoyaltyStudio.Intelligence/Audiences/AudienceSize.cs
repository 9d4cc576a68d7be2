namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// How big an audience is right now: its customers, the sum of their predicted lifetime value (customers without
/// profiling consent add nothing, as their scores are not used), and how many of them have not consented to profiling.
/// </summary>
public sealed record AudienceSize(int Customers, decimal LifetimeValue, int WithoutProfilingConsent)
{
    public static AudienceSize Empty { get; } = new(0, 0m, 0);
}

/// <summary>The members with (or without) profiling consent: how many, and the sum of their current-run lifetime value.</summary>
public sealed record AudienceSizePart(bool ProfilingConsent, int Customers, decimal LifetimeValue);

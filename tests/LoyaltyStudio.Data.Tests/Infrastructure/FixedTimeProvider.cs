namespace LoyaltyStudio.Data.Tests.Infrastructure;

/// <summary>A clock that always says the same instant, so date-dependent results are known in advance.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

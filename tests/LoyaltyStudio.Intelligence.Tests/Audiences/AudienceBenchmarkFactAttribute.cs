namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>A fact that runs only when <see cref="Variable"/> is set: it builds a 100,000-customer file, which takes a while.</summary>
public sealed class AudienceBenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "LOYALTY_AUDIENCE_BENCH";

    public AudienceBenchmarkFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"Benchmark: set {Variable}=1 to time audience counts over 100,000 generated customers.";
    }
}

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>A fact that runs only when <see cref="Variable"/> names a seeded SQLite file (it takes a large database to mean anything).</summary>
public sealed class FeatureBenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "LOYALTY_FEATURE_BENCH_DB";

    public FeatureBenchmarkFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
            Skip = $"Benchmark: set {Variable} to a database seeded with `loyalty seed -n 100000` to time the feature builder.";
        else if (!File.Exists(path))
            Skip = $"Benchmark: {Variable} names '{path}', which does not exist.";
    }
}

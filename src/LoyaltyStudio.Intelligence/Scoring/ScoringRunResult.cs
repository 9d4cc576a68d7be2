using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>What a finished (now current) scoring run did: its id, kind, how many customers it scored afresh, and seconds per stage.</summary>
public sealed record ScoringRunResult(
    long RunId,
    ScoringRunKind Kind,
    DateTime Cutoff,
    int CustomersScored,
    int CustomersCopied,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    public double TotalSeconds => StageSeconds.Values.Sum();
}

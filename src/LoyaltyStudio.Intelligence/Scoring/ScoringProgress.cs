namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>Where a scoring run or a training is: the stage it is in and how far through it (<paramref name="Done"/> of <paramref name="Total"/>).</summary>
public sealed record ScoringProgress(string Stage, int Done, int Total);

/// <summary>The stage names a run reports and times, in the order they happen.</summary>
public static class ScoringStages
{
    public const string Features = "features";
    public const string Churn = "churn";
    public const string Lifetime = "lifetime";
    public const string Rfm = "rfm";
    public const string Segments = "segments";
    public const string Offers = "offers";
    public const string Write = "write";
    public const string Publish = "publish";

    /// <summary>Training: the churn model and the lifetime-value model.</summary>
    public const string TrainChurn = "train churn";
    public const string TrainLifetime = "train lifetime";
}

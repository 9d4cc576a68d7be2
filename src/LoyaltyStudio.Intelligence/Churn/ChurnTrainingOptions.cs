namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>How the churn model is trained: the label horizon, the minimum data, and the tree settings of both candidates.</summary>
public sealed class ChurnTrainingOptions
{
    /// <summary>The seed every ML.NET context of the churn model starts from, so training is repeatable.</summary>
    public const int DefaultSeed = 20260701;

    /// <summary>A customer churned when they made no purchase in this many days after the cut-off.</summary>
    public int HorizonDays { get; set; } = 90;

    /// <summary>Fewest customers with a purchase before a training cut-off.</summary>
    public int MinimumCustomers { get; set; } = 500;

    /// <summary>Fewest churned and fewest retained customers in a training window.</summary>
    public int MinimumPerClass { get; set; } = 25;

    /// <summary>Share of a training window's customers held out to fit the probability calibration.</summary>
    public double CalibrationShare { get; set; } = 0.2;

    public int Seed { get; set; } = DefaultSeed;

    /// <summary>The algorithms to measure (of <see cref="ChurnTrainer.Algorithms"/>); the better out-of-time AUC is kept.</summary>
    public IReadOnlyList<string> Candidates { get; set; } = ChurnTrainer.Algorithms;

    /// <summary>Trees per model. Scoring time grows with it (about 60 ns per tree and customer here); 40 trees at rate 0.12
    /// scored the demo data as well as 150 at 0.05.</summary>
    public int NumberOfTrees { get; set; } = 40;

    public int NumberOfLeaves { get; set; } = 16;

    public int MinimumExampleCountPerLeaf { get; set; } = 20;

    public double LearningRate { get; set; } = 0.12;

    /// <summary>Rows on which the global drivers (mean absolute contribution) are measured.</summary>
    public int DriverSampleSize { get; set; } = 5000;

    /// <summary>Fails naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (HorizonDays < 1)
            throw new ArgumentOutOfRangeException(nameof(HorizonDays), HorizonDays, "The churn horizon (HorizonDays) must be at least one day.");
        if (MinimumCustomers < 2)
            throw new ArgumentOutOfRangeException(nameof(MinimumCustomers), MinimumCustomers, "MinimumCustomers must be at least 2.");
        if (MinimumPerClass < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumPerClass), MinimumPerClass, "MinimumPerClass must be at least 1.");
        if (CalibrationShare is <= 0 or >= 0.5)
            throw new ArgumentOutOfRangeException(nameof(CalibrationShare), CalibrationShare, "CalibrationShare must lie between 0 and 0.5 (exclusive).");
        if (NumberOfTrees < 1 || NumberOfLeaves < 2 || MinimumExampleCountPerLeaf < 1)
            throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), "NumberOfTrees ≥ 1, NumberOfLeaves ≥ 2 and MinimumExampleCountPerLeaf ≥ 1 are needed.");
        if (Candidates.Count == 0 || Candidates.Any(c => !ChurnTrainer.Algorithms.Contains(c)))
            throw new ArgumentException(
                $"Candidates must name one or more of {string.Join(", ", ChurnTrainer.Algorithms)}, not '{string.Join(", ", Candidates)}'.", nameof(Candidates));
        if (LearningRate is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must lie in (0, 1].");
    }
}

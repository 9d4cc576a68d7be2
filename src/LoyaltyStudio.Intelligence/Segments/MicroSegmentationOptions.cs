namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>Settings of the micro-segmentation; the defaults suit the demo data and 100,000 customers alike.</summary>
public sealed record MicroSegmentationOptions
{
    /// <summary>The fewest clusters to consider.</summary>
    public int MinClusters { get; init; } = 4;

    /// <summary>The most clusters to consider.</summary>
    public int MaxClusters { get; init; } = 12;

    /// <summary>Seed of every k-means fit: the same data and seed give the same segments.</summary>
    public int Seed { get; init; } = 20_260_701;

    /// <summary>Seeded k-means restarts per fit; the lowest inertia wins.</summary>
    public int Restarts { get; init; } = 2;

    /// <summary>Rows (evenly spaced) the candidate k are fitted on.</summary>
    public int SelectionSample { get; init; } = 5_000;

    /// <summary>Rows (evenly spaced) the silhouette is averaged over (all pairwise distances are computed).</summary>
    public int SilhouetteSample { get; init; } = 2_000;

    /// <summary>
    /// Largest root-mean-square difference per feature (in standard deviations) at which a new cluster keeps the key
    /// of the previous segment it is paired with.
    /// </summary>
    public double MatchThreshold { get; init; } = 0.35;

    /// <summary>How many customers per cluster, at least, a run needs (the largest k tried is capped by it).</summary>
    public int MinCustomersPerCluster { get; init; } = 10;

    /// <summary>Throws naming the setting that is out of range.</summary>
    public void Validate()
    {
        if (MinClusters < 2)
            throw new ArgumentException($"MinClusters must be at least 2 (is {MinClusters}).");
        if (MaxClusters < MinClusters)
            throw new ArgumentException($"MaxClusters ({MaxClusters}) must be at least MinClusters ({MinClusters}).");
        if (Restarts < 1)
            throw new ArgumentException($"Restarts must be at least 1 (is {Restarts}).");
        if (SilhouetteSample <= MaxClusters)
            throw new ArgumentException($"SilhouetteSample ({SilhouetteSample}) must exceed MaxClusters ({MaxClusters}).");
        if (SelectionSample < SilhouetteSample)
            throw new ArgumentException($"SelectionSample ({SelectionSample}) must be at least SilhouetteSample ({SilhouetteSample}).");
        if (!(MatchThreshold > 0) || !double.IsFinite(MatchThreshold))
            throw new ArgumentException($"MatchThreshold must be a positive number (is {MatchThreshold}).");
        if (MinCustomersPerCluster < 1)
            throw new ArgumentException($"MinCustomersPerCluster must be at least 1 (is {MinCustomersPerCluster}).");
    }
}

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// The time windows of the features, all ending just before the cut-off: a window of d days is
/// [cut-off − d days, cut-off). Nothing at or after the cut-off falls in any of them.
/// </summary>
internal sealed class FeatureWindows
{
    public FeatureWindows(DateTime cutoff)
    {
        // DateTime comparisons ignore Kind, and the database holds UTC: a local cut-off must be converted first.
        Cutoff = cutoff.Kind == DateTimeKind.Local ? cutoff.ToUniversalTime() : DateTime.SpecifyKind(cutoff, DateTimeKind.Utc);
        Days28 = Cutoff.AddDays(-28);
        Days30 = Cutoff.AddDays(-30);
        Days56 = Cutoff.AddDays(-56);
        Days90 = Cutoff.AddDays(-90);
        Days180 = Cutoff.AddDays(-180);
        Days365 = Cutoff.AddDays(-365);
    }

    public DateTime Cutoff { get; }

    public DateTime Days28 { get; }

    public DateTime Days30 { get; }

    public DateTime Days56 { get; }

    public DateTime Days90 { get; }

    public DateTime Days180 { get; }

    public DateTime Days365 { get; }

    /// <summary>(recent − earlier) / (recent + earlier + 1) of two non-negative amounts: in (−1, 1), 0 when nothing changed.</summary>
    public static double Trend(double recent, double earlier)
    {
        recent = Math.Max(0, recent);
        earlier = Math.Max(0, earlier);
        return (recent - earlier) / (recent + earlier + 1);
    }
}

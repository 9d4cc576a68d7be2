using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// Transforms the segmentation features and standardises them to mean 0 and standard deviation 1 over the
/// population it was fitted on. A feature that does not vary keeps deviation 1 (so it standardises to 0 everywhere).
/// </summary>
public sealed class FeatureScaler
{
    private FeatureScaler(IReadOnlyList<SegmentationFeature> features, double[] means, double[] deviations)
    {
        Features = features;
        Means = means;
        Deviations = deviations;
    }

    public IReadOnlyList<SegmentationFeature> Features { get; }

    /// <summary>Mean of each transformed feature.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Standard deviation of each transformed feature (1 where it does not vary).</summary>
    public IReadOnlyList<double> Deviations { get; }

    public int Width => Features.Count;

    /// <summary>Fits means and deviations of <paramref name="selection"/> (transformed) over every row of the table.</summary>
    public static FeatureScaler Fit(FeatureTable table, IReadOnlyList<SegmentationFeature> selection)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(selection);
        var columns = selection.Select(f => table.IndexOf(f.Name)).ToArray();
        var d = selection.Count;
        var sums = new double[d];
        var squares = new double[d];
        for (var i = 0; i < table.Count; i++)
        {
            var row = table.Row(i);
            for (var j = 0; j < d; j++)
            {
                var t = selection[j].Apply(row[columns[j]]);
                sums[j] += t;
                squares[j] += t * t;
            }
        }
        var n = Math.Max(1, table.Count);
        var means = new double[d];
        var deviations = new double[d];
        for (var j = 0; j < d; j++)
        {
            means[j] = sums[j] / n;
            var variance = Math.Max(0, (squares[j] / n) - (means[j] * means[j]));
            var deviation = Math.Sqrt(variance);
            deviations[j] = deviation > 1e-9 ? deviation : 1;
        }
        return new FeatureScaler(selection, means, deviations);
    }

    /// <summary>All rows transformed and standardised, row-major (row i is <c>[i * Width, (i + 1) * Width)</c>).</summary>
    public float[] Standardise(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = Features.Select(f => table.IndexOf(f.Name)).ToArray();
        var d = Width;
        var points = new float[table.Count * d];
        for (var i = 0; i < table.Count; i++)
        {
            var row = table.Row(i);
            for (var j = 0; j < d; j++)
                points[(i * d) + j] = (float)((Features[j].Apply(row[columns[j]]) - Means[j]) / Deviations[j]);
        }
        return points;
    }
}

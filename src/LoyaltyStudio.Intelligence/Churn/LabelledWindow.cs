using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>The rows of a feature table that have a churn label, with the labels lined up by table row.</summary>
internal sealed class LabelledWindow
{
    private LabelledWindow(FeatureTable table, int[] rows, bool[] labelsByTableRow)
    {
        Table = table;
        Rows = rows;
        LabelsByTableRow = labelsByTableRow;
        Churned = Array.ConvertAll(rows, r => labelsByTableRow[r]);
        ChurnedCount = Churned.Count(c => c);
    }

    public FeatureTable Table { get; }

    /// <summary>Table rows of the labelled customers, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>A label for every table row (false where the row has none; such rows are not in <see cref="Rows"/>).</summary>
    public bool[] LabelsByTableRow { get; }

    /// <summary>The labels of <see cref="Rows"/>, in the same order.</summary>
    public bool[] Churned { get; }

    public int ChurnedCount { get; }

    public static LabelledWindow Join(FeatureTable table, ChurnLabels labels)
    {
        var byRow = new bool[table.Count];
        var rows = new List<int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            if (labels.For(table.CustomerIds[i]) is { } churned)
            {
                byRow[i] = churned;
                rows.Add(i);
            }
        }
        return new LabelledWindow(table, rows.ToArray(), byRow);
    }

    /// <summary>Picks the values of the labelled rows out of a per-table-row array.</summary>
    public double[] Select(IReadOnlyList<double> perTableRow) => Array.ConvertAll(Rows, r => perTableRow[r]);

    public double[] Select(IReadOnlyList<float> perTableRow) => Array.ConvertAll(Rows, r => (double)perTableRow[r]);

    /// <summary>
    /// Splits the labelled rows into rows to fit the trees on and rows held out to calibrate on, by a hash of the
    /// customer id so that the split does not depend on row order and is the same on every run.
    /// </summary>
    public (int[] Fit, int[] Calibration) SplitForCalibration(double calibrationShare)
    {
        var fit = new List<int>(Rows.Length);
        var calibration = new List<int>((int)(Rows.Length * calibrationShare) + 1);
        foreach (var row in Rows)
        {
            var hash = unchecked((ulong)Table.CustomerIds[row] * 11400714819323198485UL) >> 11;
            if (hash / (double)(1UL << 53) < calibrationShare)
                calibration.Add(row);
            else
                fit.Add(row);
        }
        return (fit.ToArray(), calibration.ToArray());
    }
}

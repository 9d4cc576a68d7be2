using System.Globalization;
using System.Text;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// A trained churn model: gradient-boosted trees, a Platt calibrator fitted on held-out customers and a feature
/// contribution calculator, as one ML.NET transformer chain, together with the feature names it was trained on.
/// Scores whole feature tables in batch through <see cref="IDataView"/> transforms.
/// </summary>
public sealed class ChurnModel
{
    internal const string ProbabilityColumn = "Probability";
    internal const string ContributionsColumn = "FeatureContributions";
    private const string ArtifactMagic = "LoyaltyStudio.ChurnModel";
    private const int ArtifactVersion = 1;

    // Below this many rows one cursor is quicker than starting parallel ones.
    private const int RowsPerPartition = 16_384;

    private readonly MLContext _ml;

    // Saved as one chain: trees → calibrator → contributions. Scoring runs only the first two, so the contributions
    // are computed just for the customers whose reasons are wanted.
    private readonly ITransformer _transformer;
    private readonly ITransformer _trees;
    private readonly ITransformer _calibrator;
    private readonly ITransformer _explainer;

    // Every contribution, positive and negative: only on a freshly trained model, for the global drivers.
    private readonly ITransformer? _allContributions;

    internal ChurnModel(MLContext ml, ITransformer transformer, string algorithm, IReadOnlyList<string> featureNames, ITransformer? allContributions = null)
    {
        var parts = (transformer as TransformerChain<ITransformer>)?.ToArray() ?? [];
        if (parts.Length != 3)
            throw new ChurnModelException($"A churn model holds three transforms (trees, calibrator, contributions), not {parts.Length}; the artifact is not one this build wrote.");
        _ml = ml;
        _transformer = transformer;
        _trees = parts[0];
        _calibrator = parts[1];
        _explainer = parts[2];
        _allContributions = allContributions;
        Algorithm = algorithm;
        FeatureNames = featureNames.ToArray();
    }

    /// <summary>The trainer that produced the trees ("LightGbm" or "FastTree").</summary>
    public string Algorithm { get; }

    /// <summary>The features the model was trained on, in column order; a table to score must have exactly these.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Calibrated churn probabilities of every row of the table, in row order.</summary>
    public double[] PredictProbabilities(FeatureTable table)
    {
        EnsureFeatures(table);
        var probabilities = new double[table.Count];
        var partitions = Math.Clamp(table.Count / RowsPerPartition, 1, Environment.ProcessorCount);
        var size = (table.Count + partitions - 1) / partitions;
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, part =>
        {
            var start = part * size;
            var count = Math.Min(size, table.Count - start);
            if (count <= 0)
                return;
            var rows = Enumerable.Range(start, count).ToArray();
            var scored = _calibrator.Transform(_trees.Transform(new FeatureTableDataView(table, rows)));
            var column = scored.Schema[ProbabilityColumn];
            using var cursor = scored.GetRowCursor([column]);
            var getter = cursor.GetGetter<float>(column);
            float probability = 0;
            var i = start;
            while (cursor.MoveNext())
            {
                getter(ref probability);
                probabilities[i++] = probability;
            }
        });
        return probabilities;
    }

    /// <summary>
    /// Scores every customer of the table: probability, 0–100 score, band by <paramref name="thresholds"/> and, for
    /// customers in band <paramref name="explainFrom"/> or above, up to <paramref name="reasonCount"/> reasons, one per
    /// behaviour (<see cref="ChurnReasonPicker"/>), with money and percentages in <paramref name="culture"/>
    /// (<see cref="ChurnReasonSentences.DefaultCulture"/> when not given).
    /// </summary>
    public IReadOnlyList<ChurnPrediction> Score(
        FeatureTable table, ChurnRiskThresholds? thresholds = null, ChurnRiskBand explainFrom = ChurnRiskBand.Medium, int reasonCount = 3,
        CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        thresholds ??= ChurnRiskThresholds.Default;
        var probabilities = PredictProbabilities(table);
        var scores = new int[table.Count];
        var bands = new ChurnRiskBand[table.Count];
        var explain = new List<int>();
        for (var i = 0; i < table.Count; i++)
        {
            scores[i] = ToScore(probabilities[i]);
            bands[i] = thresholds.BandFor(scores[i]);
            if (bands[i] >= explainFrom)
                explain.Add(i);
        }
        var reasons = Explain(table, explain.ToArray(), reasonCount, culture ?? ChurnReasonSentences.DefaultCulture);
        var predictions = new ChurnPrediction[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            predictions[i] = new ChurnPrediction(
                table.CustomerIds[i], probabilities[i], scores[i], bands[i], reasons.TryGetValue(i, out var r) ? r : []);
        }
        return predictions;
    }

    /// <summary>The 0–100 churn score of a probability (rounded percent).</summary>
    public static int ToScore(double probability) =>
        (int)Math.Clamp(Math.Round(probability * 100, MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>Fails with a message naming the difference when the table's features are not the ones the model was trained on.</summary>
    public void EnsureFeatures(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Names.SequenceEqual(FeatureNames, StringComparer.Ordinal))
            return;
        var missing = FeatureNames.Except(table.Names, StringComparer.Ordinal).ToList();
        var extra = table.Names.Except(FeatureNames, StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            var column = Enumerable.Range(0, FeatureNames.Count).First(i => FeatureNames[i] != table.Names[i]);
            throw new ChurnModelException(
                $"The churn model was trained on the same {FeatureNames.Count} features in another order: column {column} was '{FeatureNames[column]}' in training but is '{table.Names[column]}' in the table. Build the features with the same feature builder or retrain the model.");
        }
        throw new ChurnModelException(
            $"The churn model was trained on {FeatureNames.Count} features but the table has {table.Width}. " +
            $"Missing from the table: {Describe(missing)}. Not known to the model: {Describe(extra)}. Retrain the churn model on the current features.");
    }

    /// <summary>The model as bytes: the ML.NET model archive plus the algorithm and the feature names.</summary>
    public byte[] ToBytes()
    {
        using var modelStream = new MemoryStream();
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(FeatureTableDataView.FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, FeatureNames.Count));
        _ml.Model.Save(_transformer, schema.ToSchema(), modelStream);
        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ArtifactMagic);
            writer.Write(ArtifactVersion);
            writer.Write(Algorithm);
            writer.Write(FeatureNames.Count);
            foreach (var name in FeatureNames)
                writer.Write(name);
            writer.Write((int)modelStream.Length);
            writer.Write(modelStream.GetBuffer(), 0, (int)modelStream.Length);
        }
        return output.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>; fails with a clear message when the bytes are not one.</summary>
    public static ChurnModel FromBytes(byte[] artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        try
        {
            using var input = new MemoryStream(artifact, writable: false);
            using var reader = new BinaryReader(input, Encoding.UTF8);
            if (reader.ReadString() != ArtifactMagic)
                throw new ChurnModelException("The artifact is not a churn model (its header does not match).");
            var version = reader.ReadInt32();
            if (version != ArtifactVersion)
                throw new ChurnModelException($"The churn model artifact has format version {version}; this build reads version {ArtifactVersion}. Retrain the churn model.");
            var algorithm = reader.ReadString();
            var names = new string[reader.ReadInt32()];
            for (var i = 0; i < names.Length; i++)
                names[i] = reader.ReadString();
            var length = reader.ReadInt32();
            var ml = new MLContext(seed: ChurnTrainingOptions.DefaultSeed);
            using var modelStream = new MemoryStream(artifact, (int)input.Position, length, writable: false);
            return new ChurnModel(ml, ml.Model.Load(modelStream, out _), algorithm, names);
        }
        catch (EndOfStreamException e)
        {
            throw new ChurnModelException("The churn model artifact is cut short; it cannot be read.", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FormatException)
        {
            throw new ChurnModelException("The churn model artifact is damaged; it cannot be read.", e);
        }
    }

    /// <summary>Top positive contributions (the features that pushed the score up) of the given rows, as reasons.</summary>
    private Dictionary<int, IReadOnlyList<ChurnReason>> Explain(FeatureTable table, int[] rows, int reasonCount, CultureInfo culture)
    {
        var reasons = new Dictionary<int, IReadOnlyList<ChurnReason>>(rows.Length);
        if (rows.Length == 0 || reasonCount <= 0)
            return reasons;
        var explained = _explainer.Transform(new FeatureTableDataView(table, rows));
        var column = explained.Schema[ContributionsColumn];
        using var cursor = explained.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var contributions = default(VBuffer<float>);
        var dense = new float[table.Width];
        var k = 0;
        while (cursor.MoveNext())
        {
            getter(ref contributions);
            contributions.CopyTo(dense);
            var row = rows[k++];
            reasons[row] = ChurnReasonPicker.Pick(table, row, dense, reasonCount, culture);
        }
        return reasons;
    }

    /// <summary>Mean absolute contribution of each feature to the score over the given rows, largest first.</summary>
    internal IReadOnlyList<ChurnDriver> GlobalDrivers(FeatureTable table, int[] rows)
    {
        if (_allContributions is null)
            throw new InvalidOperationException("Global drivers are measured when the model is trained, not on a loaded model.");
        EnsureFeatures(table);
        var sums = new double[table.Width];
        var explained = _allContributions.Transform(new FeatureTableDataView(table, rows));
        var column = explained.Schema[ContributionsColumn];
        using var cursor = explained.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var contributions = default(VBuffer<float>);
        var dense = new float[table.Width];
        while (cursor.MoveNext())
        {
            getter(ref contributions);
            contributions.CopyTo(dense);
            for (var c = 0; c < dense.Length; c++)
                sums[c] += Math.Abs(dense[c]);
        }
        var count = Math.Max(rows.Length, 1);
        return Enumerable.Range(0, table.Width)
            .Select(c => new ChurnDriver(FeatureNames[c], sums[c] / count))
            .OrderByDescending(d => d.MeanAbsContribution)
            .ThenBy(d => d.Feature, StringComparer.Ordinal)
            .ToArray();
    }

    private static string Describe(List<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Take(10).Select(n => $"'{n}'")) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
}

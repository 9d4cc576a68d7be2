using System.Diagnostics;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Trains the churn model. With T the latest data date and H the horizon: LightGbm and FastTree are both trained on
/// features at T−2H (labels in [T−2H, T−H)) and tested out of time on features at T−H (labels in [T−H, T)); the one
/// with the better ROC AUC is retrained on the window at T−H and becomes the production model for scoring at T.
/// </summary>
public sealed class ChurnTrainer
{
    /// <summary>The algorithms measured, in the order they are tried (the first wins a tie).</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["LightGbm", "FastTree"];

    // Contributions kept per customer in the saved model; reasons use the top ones.
    private const int ContributionsKept = 5;

    private readonly ChurnTrainingOptions _options;

    public ChurnTrainer(ChurnTrainingOptions? options = null)
    {
        _options = options ?? new ChurnTrainingOptions();
        _options.Validate();
    }

    /// <summary>Builds both labelled windows from the data, then trains as <see cref="Train"/> does.</summary>
    public async Task<ChurnTrainingResult> TrainAsync(
        IFeatureBuilder features, IChurnLabelSource labels, DateTime latestDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var horizon = _options.HorizonDays;
        var earlier = latestDate.AddDays(-2 * horizon);
        var later = latestDate.AddDays(-horizon);
        var clock = Stopwatch.StartNew();
        var earlierLabels = await labels.LoadAsync(earlier, horizon, cancellationToken);
        RequireEnough(earlierLabels.Count, earlierLabels.ChurnedCount, earlier, horizon);
        var laterLabels = await labels.LoadAsync(later, horizon, cancellationToken);
        RequireEnough(laterLabels.Count, laterLabels.ChurnedCount, later, horizon);
        var earlierFeatures = await features.BuildAsync(earlier, null, cancellationToken);
        var laterFeatures = await features.BuildAsync(later, null, cancellationToken);
        var featureSeconds = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        var result = Train(earlierFeatures, earlierLabels, laterFeatures, laterLabels, latestDate, cancellationToken);
        return result with { Report = result.Report with { FeatureSeconds = featureSeconds } };
    }

    /// <summary>
    /// Trains on already built windows: <paramref name="earlierFeatures"/> with <paramref name="earlierLabels"/> for the
    /// out-of-time test, <paramref name="laterFeatures"/> with <paramref name="laterLabels"/> for the test and the
    /// production model.
    /// </summary>
    public ChurnTrainingResult Train(
        FeatureTable earlierFeatures, ChurnLabels earlierLabels, FeatureTable laterFeatures, ChurnLabels laterLabels,
        DateTime latestDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(earlierFeatures);
        ArgumentNullException.ThrowIfNull(earlierLabels);
        ArgumentNullException.ThrowIfNull(laterFeatures);
        ArgumentNullException.ThrowIfNull(laterLabels);
        if (!earlierFeatures.Names.SequenceEqual(laterFeatures.Names, StringComparer.Ordinal))
            throw new ChurnTrainingException(
                $"The features at {earlierFeatures.Cutoff:yyyy-MM-dd} ({earlierFeatures.Width} columns) and at {laterFeatures.Cutoff:yyyy-MM-dd} ({laterFeatures.Width} columns) differ; both windows must come from the same feature builder.");
        var train = LabelledWindow.Join(earlierFeatures, earlierLabels);
        var test = LabelledWindow.Join(laterFeatures, laterLabels);
        RequireEnough(train.Rows.Length, train.ChurnedCount, earlierFeatures.Cutoff, earlierLabels.HorizonDays);
        RequireEnough(test.Rows.Length, test.ChurnedCount, laterFeatures.Cutoff, laterLabels.HorizonDays);

        var fitClock = Stopwatch.StartNew();
        var candidates = new List<(ChurnCandidate Candidate, double[] Probabilities)>();
        foreach (var algorithm in _options.Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var model = Fit(algorithm, train);
            var seconds = clock.Elapsed.TotalSeconds;
            var probabilities = test.Select(model.PredictProbabilities(laterFeatures));
            candidates.Add((new ChurnCandidate(
                algorithm,
                ChurnMetrics.RocAuc(probabilities, test.Churned),
                ChurnMetrics.PrAuc(probabilities, test.Churned),
                ChurnMetrics.Brier(probabilities, test.Churned),
                seconds), probabilities));
        }
        var best = candidates.OrderByDescending(c => c.Candidate.Auc).First();

        cancellationToken.ThrowIfCancellationRequested();
        var production = Fit(best.Candidate.Algorithm, test);
        var trainSeconds = fitClock.Elapsed.TotalSeconds;
        var drivers = production.GlobalDrivers(laterFeatures, SampleRows(test.Rows, _options.DriverSampleSize));

        var recency = test.Select(Column(laterFeatures, FeatureNames.RecencyDays));
        var report = new ChurnReport
        {
            Algorithm = best.Candidate.Algorithm,
            Auc = best.Candidate.Auc,
            BaselineAuc = ChurnMetrics.RocAuc(recency, test.Churned),
            PrAuc = best.Candidate.PrAuc,
            Brier = best.Candidate.Brier,
            LiftTopDecile = ChurnMetrics.LiftInTopDecile(best.Probabilities, test.Churned),
            TrainSeconds = trainSeconds,
            FeatureSeconds = 0,
            HorizonDays = laterLabels.HorizonDays,
            LatestDate = latestDate,
            Evaluation = new ChurnWindow(earlierFeatures.Cutoff, train.Rows.Length, train.ChurnedCount, laterFeatures.Cutoff, test.Rows.Length, test.ChurnedCount),
            Production = new ChurnWindow(laterFeatures.Cutoff, test.Rows.Length, test.ChurnedCount, null, 0, 0),
            Candidates = candidates.ConvertAll(c => c.Candidate),
            Calibration = ChurnMetrics.CalibrationTable(best.Probabilities, test.Churned),
            Drivers = drivers,
        };
        return new ChurnTrainingResult(production, report);
    }

    private ChurnModel Fit(string algorithm, LabelledWindow window)
    {
        var ml = new MLContext(_options.Seed);
        var (fitRows, calibrationRows) = window.SplitForCalibration(_options.CalibrationShare);
        var fitView = new FeatureTableDataView(window.Table, fitRows, window.LabelsByTableRow);
        var calibrationView = new FeatureTableDataView(window.Table, calibrationRows, window.LabelsByTableRow);
        var names = window.Table.Names;
        return algorithm switch
        {
            "LightGbm" => Assemble(ml, algorithm, names, ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = FeatureTableDataView.LabelColumn,
                FeatureColumnName = FeatureTableDataView.FeaturesColumn,
                NumberOfIterations = _options.NumberOfTrees,
                NumberOfLeaves = _options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = _options.MinimumExampleCountPerLeaf,
                LearningRate = _options.LearningRate,
                Seed = _options.Seed,
                Deterministic = true,
                Silent = true,
                Verbose = false,
            }).Fit(fitView), calibrationView),
            "FastTree" => Assemble(ml, algorithm, names, ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = FeatureTableDataView.LabelColumn,
                FeatureColumnName = FeatureTableDataView.FeaturesColumn,
                NumberOfTrees = _options.NumberOfTrees,
                NumberOfLeaves = _options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = _options.MinimumExampleCountPerLeaf,
                LearningRate = _options.LearningRate,
                Seed = _options.Seed,
            }).Fit(fitView), calibrationView),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, $"Unknown churn algorithm; use one of {string.Join(", ", Algorithms)}."),
        };
    }

    /// <summary>Trees → Platt calibration fitted on the held-out rows → feature contributions, as one chain.</summary>
    private static ChurnModel Assemble<TModel>(
        MLContext ml, string algorithm, IReadOnlyList<string> names,
        ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<TModel, PlattCalibrator>> predictor, IDataView calibrationView)
        where TModel : class, ICalculateFeatureContribution
    {
        var calibrator = ml.BinaryClassification.Calibrators
            .Platt(FeatureTableDataView.LabelColumn, "Score")
            .Fit(predictor.Transform(calibrationView));
        var contributions = ml.Transforms
            .CalculateFeatureContribution(predictor, numberOfPositiveContributions: ContributionsKept, numberOfNegativeContributions: 0, normalize: false)
            .Fit(calibrationView);
        var chain = new TransformerChain<ITransformer>(predictor, calibrator, contributions);
        var allContributions = ml.Transforms
            .CalculateFeatureContribution(predictor, numberOfPositiveContributions: names.Count, numberOfNegativeContributions: names.Count, normalize: false)
            .Fit(calibrationView);
        return new ChurnModel(ml, chain, algorithm, names, allContributions);
    }

    private void RequireEnough(int customers, int churned, DateTime cutoff, int horizon)
    {
        if (customers < _options.MinimumCustomers)
            throw new ChurnTrainingException(
                $"Only {customers} customers have a purchase before {cutoff:yyyy-MM-dd}; training needs at least {_options.MinimumCustomers}.");
        var retained = customers - churned;
        if (churned < _options.MinimumPerClass)
            throw new ChurnTrainingException(
                $"Only {churned} of the {customers} customers with a purchase before {cutoff:yyyy-MM-dd} churned (no purchase in the {horizon} days after); training needs at least {_options.MinimumPerClass} churned customers.");
        if (retained < _options.MinimumPerClass)
            throw new ChurnTrainingException(
                $"Only {retained} of the {customers} customers with a purchase before {cutoff:yyyy-MM-dd} bought again in the {horizon} days after; training needs at least {_options.MinimumPerClass} retained customers.");
    }

    private static float[] Column(FeatureTable table, string name)
    {
        var column = table.IndexOf(name);
        var values = new float[table.Count];
        for (var i = 0; i < table.Count; i++)
            values[i] = table[i, column];
        return values;
    }

    private static int[] SampleRows(int[] rows, int size)
    {
        if (rows.Length <= size)
            return rows;
        // An even stride keeps the sample deterministic and spread over the whole id range.
        var step = (double)rows.Length / size;
        return Enumerable.Range(0, size).Select(i => rows[(int)(i * step)]).ToArray();
    }
}

/// <summary>A trained production churn model and the report of how it was chosen and measured.</summary>
public sealed record ChurnTrainingResult(ChurnModel Model, ChurnReport Report);

using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Measures of how well churn scores separate and predict churn on labelled customers (true = churned):
/// ROC AUC, PR AUC, Brier score, a calibration table and lift in the top decile.
/// </summary>
public static class ChurnMetrics
{
    /// <summary>
    /// Area under the ROC curve: the chance that a churned customer scores above a retained one, ties counting half
    /// (Mann–Whitney with mid-ranks).
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> churned)
    {
        var (positives, negatives) = CountClasses(scores, churned);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                end++;
            // Ranks are 1-based; a run of ties shares the mean of its ranks.
            var midRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (churned[order[k]])
                    positiveRankSum += midRank;
            }
            start = end + 1;
        }
        // In doubles: positives × (positives + 1) overflows an int from about 46,341 churned customers on.
        return (positiveRankSum - ((double)positives * (positives + 1) / 2)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Area under the precision–recall curve as average precision: the precision at each distinct score threshold
    /// (from the highest down, tied scores entering together) weighted by the recall it adds.
    /// </summary>
    public static double PrAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> churned)
    {
        var (positives, _) = CountClasses(scores, churned);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double area = 0, previousRecall = 0;
        int truePositives = 0, taken = 0, start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                end++;
            for (var k = start; k <= end; k++)
            {
                taken++;
                if (churned[order[k]])
                    truePositives++;
            }
            var recall = (double)truePositives / positives;
            area += (recall - previousRecall) * ((double)truePositives / taken);
            previousRecall = recall;
            start = end + 1;
        }
        return area;
    }

    /// <summary>Mean squared difference between the predicted probability and the outcome (0 or 1); lower is better.</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> churned)
    {
        CheckSameLength(probabilities, churned);
        if (probabilities.Count == 0)
            throw new ArgumentException("The Brier score needs at least one customer.", nameof(probabilities));
        double sum = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var error = probabilities[i] - (churned[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.Count;
    }

    /// <summary>
    /// Predicted against observed churn in <paramref name="binCount"/> equal-width bins of predicted probability
    /// (bin i holds [i/n, (i+1)/n); a probability of exactly 1 goes into the last bin). Empty bins have no means.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> CalibrationTable(IReadOnlyList<double> probabilities, IReadOnlyList<bool> churned, int binCount = 10)
    {
        CheckSameLength(probabilities, churned);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        var predicted = new double[binCount];
        var observed = new int[binCount];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (p is < 0 or > 1 || double.IsNaN(p))
                throw new ArgumentException($"Probability {p} of row {i} is outside [0, 1].", nameof(probabilities));
            var bin = Math.Min((int)(p * binCount), binCount - 1);
            counts[bin]++;
            predicted[bin] += p;
            if (churned[i])
                observed[bin]++;
        }
        var bins = new CalibrationBin[binCount];
        for (var b = 0; b < binCount; b++)
        {
            bins[b] = new CalibrationBin(
                (double)b / binCount,
                (double)(b + 1) / binCount,
                counts[b],
                counts[b] == 0 ? null : predicted[b] / counts[b],
                counts[b] == 0 ? null : (double)observed[b] / counts[b]);
        }
        return bins;
    }

    /// <summary>
    /// Churn rate among the highest-scored tenth of customers (the ⌈n/10⌉ top scores; among equal scores the earlier
    /// row counts first) divided by the churn rate of everyone.
    /// </summary>
    public static double LiftInTopDecile(IReadOnlyList<double> scores, IReadOnlyList<bool> churned)
    {
        var (positives, _) = CountClasses(scores, churned);
        var top = (scores.Count + 9) / 10;
        var churnedInTop = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .Take(top)
            .Count(i => churned[i]);
        return ((double)churnedInTop / top) / ((double)positives / scores.Count);
    }

    private static (int Positives, int Negatives) CountClasses(IReadOnlyList<double> scores, IReadOnlyList<bool> churned)
    {
        CheckSameLength(scores, churned);
        var positives = churned.Count(c => c);
        var negatives = churned.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException(
                $"This measure needs churned and retained customers; got {positives} churned and {negatives} retained.", nameof(churned));
        return (positives, negatives);
    }

    private static void CheckSameLength(IReadOnlyList<double> values, IReadOnlyList<bool> churned)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(churned);
        if (values.Count != churned.Count)
            throw new ArgumentException($"{values.Count} scores but {churned.Count} labels; they must pair up.", nameof(churned));
    }
}

/// <summary>One bin of a calibration table: the customers whose predicted churn probability fell in [Lower, Upper).</summary>
public sealed record CalibrationBin(
    [property: JsonPropertyName("lower")] double Lower,
    [property: JsonPropertyName("upper")] double Upper,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("meanPredicted")] double? MeanPredicted,
    [property: JsonPropertyName("observedRate")] double? ObservedRate);

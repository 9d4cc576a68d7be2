using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// Scores every customer of a feature table on recency (<see cref="FeatureNames.RecencyDays"/>, fewer days = 5),
/// frequency (<see cref="FeatureNames.Orders365"/>) and monetary value (<see cref="FeatureNames.Spend365"/>) in
/// quintiles (<see cref="QuintileScores"/>, ties share a score), and names their segment by <see cref="RfmSegments"/>.
/// </summary>
public static class RfmScorer
{
    /// <summary>One result per row of <paramref name="features"/>, in the same order.</summary>
    public static IReadOnlyList<CustomerRfm> Score(FeatureTable features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var recency = QuintileScores.LowerIsBetter(Column(features, FeatureNames.RecencyDays));
        var frequency = QuintileScores.HigherIsBetter(Column(features, FeatureNames.Orders365));
        var monetary = QuintileScores.HigherIsBetter(Column(features, FeatureNames.Spend365));
        var results = new CustomerRfm[features.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new CustomerRfm(features.CustomerIds[i], recency[i], frequency[i], monetary[i],
                RfmSegments.Classify(recency[i], frequency[i]));
        }
        return results;
    }

    private static float[] Column(FeatureTable features, string name)
    {
        var column = features.IndexOf(name);
        var values = new float[features.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = features[i, column];
        return values;
    }
}

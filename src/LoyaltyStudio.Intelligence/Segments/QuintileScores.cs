namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// Quintile scores 1–5 by mid-rank: customers with equal values always share a score, the score of the fifth in
/// which the middle of their tie group falls. Without ties this gives exact fifths (when the count divides by five);
/// with a big tie group (say, everyone with one order) the fifths come out uneven rather than splitting equal
/// customers by an arbitrary order.
/// </summary>
public static class QuintileScores
{
    /// <summary>Scores where a higher value earns a higher score (5 = the top fifth).</summary>
    public static int[] HigherIsBetter(ReadOnlySpan<float> values)
    {
        var n = values.Length;
        var scores = new int[n];
        if (n == 0)
            return scores;
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
                end++;
            // Share of customers below the middle of the tie group [start, end).
            var middle = (start + ((end - start) / 2.0)) / n;
            var score = Math.Min(5, 1 + (int)Math.Floor(5 * middle));
            for (var j = start; j < end; j++)
                scores[order[j]] = score;
            start = end;
        }
        return scores;
    }

    /// <summary>Scores where a lower value earns a higher score (recency in days: most recent = 5).</summary>
    public static int[] LowerIsBetter(ReadOnlySpan<float> values)
    {
        var negated = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
            negated[i] = -values[i];
        return HigherIsBetter(negated);
    }
}

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// Shares of spend per category and the Jensen–Shannon distance between two category mixes. Spend per category may
/// be negative when returns outweigh purchases; such a category counts as 0, since a mix cannot hold negative weight.
/// </summary>
public static class CategoryMix
{
    /// <summary>
    /// Writes each category's share of the positive spend into <paramref name="shares"/>; all 0 when nothing positive was spent.
    /// </summary>
    public static void Shares(ReadOnlySpan<double> spend, Span<float> shares)
    {
        if (shares.Length != spend.Length)
            throw new ArgumentException($"{spend.Length} category spends need {spend.Length} shares, not {shares.Length}.", nameof(shares));
        var total = PositiveTotal(spend);
        for (var i = 0; i < spend.Length; i++)
            shares[i] = total > 0 ? (float)(Math.Max(0, spend[i]) / total) : 0f;
    }

    /// <summary>
    /// The Jensen–Shannon distance (square root of the divergence, base-2 logarithms, so in [0, 1]) between the mixes
    /// of two spend vectors: 0 for the same mix, 1 for mixes with no category in common. 0 when either side has no
    /// positive spend, since a shift cannot be seen without purchases on both sides.
    /// </summary>
    public static double JensenShannonDistance(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        if (first.Length != second.Length)
            throw new ArgumentException($"Both mixes need the same categories ({first.Length} against {second.Length}).", nameof(second));
        var totalFirst = PositiveTotal(first);
        var totalSecond = PositiveTotal(second);
        if (totalFirst <= 0 || totalSecond <= 0)
            return 0;
        var divergence = 0.0;
        for (var i = 0; i < first.Length; i++)
        {
            var p = Math.Max(0, first[i]) / totalFirst;
            var q = Math.Max(0, second[i]) / totalSecond;
            var m = (p + q) / 2;
            if (p > 0)
                divergence += 0.5 * p * Math.Log2(p / m);
            if (q > 0)
                divergence += 0.5 * q * Math.Log2(q / m);
        }
        // Rounding can leave a hair below 0 or above 1.
        return Math.Sqrt(Math.Clamp(divergence, 0, 1));
    }

    private static double PositiveTotal(ReadOnlySpan<double> spend)
    {
        var total = 0.0;
        foreach (var s in spend)
            total += Math.Max(0, s);
        return total;
    }
}

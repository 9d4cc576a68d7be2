namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, summed as a power series.</summary>
public static class GaussHypergeometric
{
    /// <summary>Relative size of the last term at which the series is considered summed.</summary>
    public const double Tolerance = 1e-15;

    private const int MaxTerms = 1_000_000;

    /// <summary>
    /// ₂F₁(a, b; c; z) = Σ_j (a)_j (b)_j / (c)_j · z^j / j!, with term u_j = u_{j−1} · (a+j−1)(b+j−1) / ((c+j−1) j) · z
    /// (Fader, Hardie &amp; Lee, "Implementing the BG/NBD model", eq. 9). The series converges for |z| &lt; 1; we stop when a
    /// term is below <see cref="Tolerance"/> relative to the sum and throw if that does not happen in a million terms.
    /// </summary>
    public static double Evaluate(double a, double b, double c, double z)
    {
        if (double.IsNaN(z) || z < 0 || z >= 1)
            throw new ArgumentOutOfRangeException(nameof(z), z, "The series form of 2F1 is used for 0 <= z < 1 only.");
        if (c <= 0 && c == Math.Floor(c))
            throw new ArgumentOutOfRangeException(nameof(c), c, "2F1 is undefined when c is zero or a negative integer.");

        var term = 1.0;
        var sum = 1.0;
        for (var j = 1; j <= MaxTerms; j++)
        {
            term *= (a + j - 1) * (b + j - 1) / ((c + j - 1) * j) * z;
            sum += term;
            // For large j the term ratio tends to z, from above or below; bounding the remaining ratios by max(next ratio, z)
            // bounds the tail by a geometric series, so we stop only when that whole tail is negligible.
            var ratio = Math.Max(Math.Abs((a + j) * (b + j) / ((c + j) * (j + 1)) * z), z);
            if (ratio < 1 && Math.Abs(term) * ratio / (1 - ratio) <= Tolerance * Math.Abs(sum))
                return sum;
        }

        throw new BtydFitException(
            $"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms; z is too close to 1 (shorten the horizon).");
    }
}

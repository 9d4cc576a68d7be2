using MathNet.Numerics;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// The four BG/NBD parameters (Fader, Hardie &amp; Lee 2005): purchase rates λ ~ Gamma(shape <paramref name="R"/>,
/// rate <paramref name="Alpha"/>) while alive; after each repeat purchase a customer drops out with probability
/// p ~ Beta(<paramref name="A"/>, <paramref name="B"/>). Times are in the summary's period unit.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>Log-likelihood of one customer's (x, t_x, T), eq. 6 of the paper, computed in logs to avoid overflow.</summary>
    public double LogLikelihood(CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var x = customer.Frequency;
        var shared = SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha))
            + SpecialFunctions.GammaLn(A + B) + SpecialFunctions.GammaLn(B + x)
            - SpecialFunctions.GammaLn(B) - SpecialFunctions.GammaLn(A + B + x);
        var dropoutTerm = x > 0 ? Math.Log(A) - Math.Log(B + x - 1) : double.NaN;
        return shared + AliveOrGone(x, customer.Recency, customer.T, dropoutTerm);
    }

    /// <summary>
    /// ln[ (α+T)^−(r+x) + δ(x&gt;0) · a/(b+x−1) · (α+t_x)^−(r+x) ]: the part of the likelihood that depends on the times.
    /// </summary>
    internal double AliveOrGone(double x, double recency, double t, double dropoutTerm)
    {
        var alive = -(R + x) * Math.Log(Alpha + t);
        if (x == 0)
            return alive;
        var gone = dropoutTerm - ((R + x) * Math.Log(Alpha + recency));
        var max = Math.Max(alive, gone);
        return max + Math.Log(Math.Exp(alive - max) + Math.Exp(gone - max));
    }

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); exactly 1 when x = 0.</summary>
    public double ProbabilityAlive(CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return 1 / (1 + OddsGone(customer));
    }

    /// <summary>E[X(t)]: expected purchases in (0, t] of a customer who has just made a first purchase (paper eq. 7).</summary>
    public double ExpectedPurchases(double t)
    {
        if (t < 0)
            throw new ArgumentOutOfRangeException(nameof(t), t, "The horizon must not be negative.");
        var hyper = GaussHypergeometric.Evaluate(R, B, A + B - 1, t / (Alpha + t));
        return (A + B - 1) / (A - 1) * (1 - (Math.Pow(Alpha / (Alpha + t), R) * hyper));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T]: expected purchases in the next t periods after T (paper eq. 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
    /// </summary>
    public double ConditionalExpectedPurchases(double t, CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (t < 0)
            throw new ArgumentOutOfRangeException(nameof(t), t, "The horizon must not be negative.");
        var x = customer.Frequency;
        var horizonEnd = Alpha + customer.T + t;
        var hyper = GaussHypergeometric.Evaluate(R + x, B + x, A + B + x - 1, t / horizonEnd);
        var numerator = (A + B + x - 1) / (A - 1) * (1 - (Math.Pow((Alpha + customer.T) / horizonEnd, R + x) * hyper));
        return numerator / (1 + OddsGone(customer));
    }

    private double OddsGone(CustomerSummary customer)
    {
        var x = customer.Frequency;
        return x > 0 ? A / (B + x - 1) * Math.Pow((Alpha + customer.T) / (Alpha + customer.Recency), R + x) : 0;
    }
}

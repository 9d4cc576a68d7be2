using MathNet.Numerics;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// The Gamma-Gamma spend model (Fader &amp; Hardie 2013 note; Colombo &amp; Jiang 1999): each purchase's value
/// z ~ Gamma(shape <paramref name="P"/>, rate ν), and across customers ν ~ Gamma(shape <paramref name="Q"/>,
/// rate <paramref name="Gamma"/>), independent of the purchase process.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>
    /// Log-density of a repeat customer's mean spend z̄ over x purchases:
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
    /// </summary>
    public double LogLikelihood(double frequency, double meanSpend)
    {
        if (!(frequency > 0) || !(meanSpend > 0))
            throw new ArgumentOutOfRangeException(nameof(frequency), "The spend model needs frequency > 0 and a positive mean spend.");
        var px = P * frequency;
        return SpecialFunctions.GammaLn(px + Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(Q)
            + (Q * Math.Log(Gamma)) + ((px - 1) * Math.Log(meanSpend)) + (px * Math.Log(frequency))
            - ((px + Q) * Math.Log(Gamma + (frequency * meanSpend)));
    }

    /// <summary>Population mean spend per purchase, E[Z] = pγ/(q−1); defined only for q &gt; 1.</summary>
    public double PopulationMeanSpend =>
        Q > 1 ? P * Gamma / (Q - 1) : throw new InvalidOperationException($"The mean spend is infinite when q <= 1 (q = {Q}).");

    /// <summary>
    /// E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1): a weighted mean of the population mean pγ/(q−1) and the customer's own z̄.
    /// A customer without repeat purchases or without a known spend gets the population mean.
    /// </summary>
    public double ExpectedAverageSpend(CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Frequency > 0 && customer.MonetaryValue is { } meanSpend)
            return P * (Gamma + (customer.Frequency * meanSpend)) / ((P * customer.Frequency) + Q - 1);
        return PopulationMeanSpend;
    }
}

using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

// 20,000 customers drawn from known parameters over a 52-week window (joining in the first 26 weeks), seed 11.
// Tolerances are four asymptotic standard errors, rounded up. The standard errors come from the observed information
// (inverse of minus the numerical Hessian of the log-likelihood at the estimate) on this sample:
//   BG/NBD       r 0.0084, α 0.10, a 0.037, b 0.15      → ±0.035, ±0.4, ±0.15, ±0.6
//   Gamma-Gamma  p 0.28,   q 0.073, γ 0.91  (14,463 repeaters) → ±1.1, ±0.3, ±3.6
// A correct estimator lands outside four standard errors with probability about 6·10⁻⁵ per parameter, while a wrong
// likelihood term (e.g. dropping the dropped-out path, or x instead of px in the spend model) moves the estimates by
// many standard errors. The sample is seeded, so the test is deterministic.
public sealed class ParameterRecoveryTests
{
    private static readonly BgNbdParameters TruePurchases = new(R: 0.6, Alpha: 5, A: 0.8, B: 2.5);
    private static readonly GammaGammaParameters TrueSpend = new(P: 6, Q: 4, Gamma: 15);
    private static readonly Lazy<List<CustomerSummary>> Sample =
        new(() => BtydSampler.Sample(TruePurchases, TrueSpend, customers: 20_000, horizon: 52, joinWindow: 26, seed: 11));

    [Fact]
    public void BgNbd_fit_recovers_the_parameters_that_generated_the_purchases()
    {
        var fit = BgNbdModel.Fit(Sample.Value);

        var p = fit.Parameters;
        Assert.Equal(TruePurchases.R, p.R, 0.035);
        Assert.Equal(TruePurchases.Alpha, p.Alpha, 0.4);
        Assert.Equal(TruePurchases.A, p.A, 0.15);
        Assert.Equal(TruePurchases.B, p.B, 0.6);
        // The maximum must be at least as likely as the truth.
        Assert.True(fit.LogLikelihood >= BgNbdModel.LogLikelihood(TruePurchases, Sample.Value));
    }

    [Fact]
    public void GammaGamma_fit_recovers_the_parameters_that_generated_the_spend()
    {
        var fit = GammaGammaModel.Fit(Sample.Value);

        var p = fit.Parameters;
        Assert.Equal(Sample.Value.Count(c => c.Frequency > 0), fit.Customers);
        Assert.Equal(TrueSpend.P, p.P, 1.1);
        Assert.Equal(TrueSpend.Q, p.Q, 0.3);
        Assert.Equal(TrueSpend.Gamma, p.Gamma, 3.6);
        Assert.True(fit.LogLikelihood >= GammaGammaModel.LogLikelihood(TrueSpend, Sample.Value));
    }
}

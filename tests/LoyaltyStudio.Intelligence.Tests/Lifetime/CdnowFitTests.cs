using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

public sealed class CdnowFitTests
{
    [CdnowFact]
    public void BgNbd_fit_on_the_CDNOW_sample_matches_Fader_Hardie_Lee_2005()
    {
        var customers = CdnowDataset.LoadSummary();

        var fit = BgNbdModel.Fit(customers);

        Assert.Equal(2357, fit.Customers);
        // Published to three decimals (r=0.243, α=4.414, a=0.793, b=2.426) and LL to one (−9582.4); the summary file's
        // times are rounded to 0.01 week, so we allow half a unit in the last published digit plus that rounding:
        // ±0.002 on r, ±0.02 on α, a and b, and ±0.1 on the log-likelihood.
        var p = fit.Parameters;
        Assert.Equal(0.243, p.R, 0.002);
        Assert.Equal(4.414, p.Alpha, 0.02);
        Assert.Equal(0.793, p.A, 0.02);
        Assert.Equal(2.426, p.B, 0.02);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.1);
    }

    [CdnowFact]
    public void GammaGamma_fit_on_the_CDNOW_repeaters_matches_Fader_Hardie_2013()
    {
        var customers = CdnowDataset.LoadSummary();

        var fit = GammaGammaModel.Fit(customers);

        Assert.Equal(946, fit.Customers);
        // Published to two decimals (p=6.25, q=3.74, γ=15.44); the zbar column is rounded to cents, so ±0.01 on p and q
        // and ±0.05 on γ (γ moves about four times as much as q along the likelihood's ridge).
        var p = fit.Parameters;
        Assert.Equal(6.25, p.P, 0.01);
        Assert.Equal(3.74, p.Q, 0.01);
        Assert.Equal(15.44, p.Gamma, 0.05);
    }
}

using LoyaltyStudio.Intelligence.Lifetime;
using MathNet.Numerics.Distributions;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

/// <summary>
/// Draws customer summaries from the BG/NBD and Gamma-Gamma models themselves, so a fit can be checked against the
/// parameters that made the data. Each customer makes a first purchase at time 0, buys at rate λ ~ Gamma(r, α) while
/// alive, drops out after each repeat purchase with probability p ~ Beta(a, b), and spends z ~ Gamma(p_s, ν) per repeat
/// purchase with ν ~ Gamma(q, γ). Customers join uniformly over the first <c>joinWindow</c> periods of a
/// <c>horizon</c>-period observation window, so T varies between customers.
/// </summary>
internal static class BtydSampler
{
    public static List<CustomerSummary> Sample(
        BgNbdParameters purchases, GammaGammaParameters spend, int customers, double horizon, double joinWindow, int seed)
    {
        var random = new Random(seed);
        var result = new List<CustomerSummary>(customers);
        for (var i = 0; i < customers; i++)
        {
            var t = horizon - (random.NextDouble() * joinWindow);
            var lambda = Gamma.Sample(random, purchases.R, purchases.Alpha);
            var dropout = Beta.Sample(random, purchases.A, purchases.B);
            var spendRate = Gamma.Sample(random, spend.Q, spend.Gamma);

            var x = 0;
            var lastPurchase = 0.0;
            var totalSpend = 0.0;
            var now = 0.0;
            while (true)
            {
                now += Exponential.Sample(random, lambda);
                if (now > t)
                    break;
                x++;
                lastPurchase = now;
                totalSpend += Gamma.Sample(random, spend.P, spendRate);
                if (random.NextDouble() < dropout)
                    break;
            }

            result.Add(new CustomerSummary($"s{i}", x, lastPurchase, t, x > 0 ? totalSpend / x : null));
        }

        return result;
    }
}

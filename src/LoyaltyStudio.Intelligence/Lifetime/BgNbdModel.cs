using MathNet.Numerics;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>A fitted BG/NBD model: the maximum-likelihood parameters, the log-likelihood there, and how many customers.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Customers);

/// <summary>Fits the BG/NBD purchase model to customer summaries by maximum likelihood.</summary>
public static class BgNbdModel
{
    /// <summary>Fewest customers we fit four parameters to; below that the estimates mean little.</summary>
    public const int MinimumCustomers = 10;

    /// <summary>Total log-likelihood of <paramref name="customers"/> under <paramref name="parameters"/>.</summary>
    public static double LogLikelihood(BgNbdParameters parameters, IReadOnlyList<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
            SummaryValidation.Check(customer);
        return new Likelihood(customers).Evaluate(parameters);
    }

    /// <summary>
    /// Maximum-likelihood fit. Throws <see cref="ArgumentException"/> for an invalid summary and
    /// <see cref="BtydFitException"/> when there is too little data or the search does not converge.
    /// </summary>
    public static BgNbdFit Fit(IReadOnlyList<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
            SummaryValidation.Check(customer);
        if (customers.Count < MinimumCustomers)
            throw new BtydFitException($"BG/NBD needs at least {MinimumCustomers} customers; the summary has {customers.Count}.");
        if (customers.All(c => c.Frequency == 0))
            throw new BtydFitException("BG/NBD cannot be fitted: no customer made a repeat purchase (every frequency is 0).");

        var likelihood = new Likelihood(customers);
        // Start from rates of about one purchase per mean observation time and an even chance of dropping out.
        var meanT = Math.Max(customers.Average(c => c.T), 1e-3);
        var (best, logLikelihood) = LogLikelihoodMaximizer.Maximize(
            "BG/NBD", p => likelihood.Evaluate(new BgNbdParameters(p[0], p[1], p[2], p[3])), [1, meanT, 1, 1]);
        return new BgNbdFit(new BgNbdParameters(best[0], best[1], best[2], best[3]), logLikelihood, customers.Count);
    }

    /// <summary>
    /// The data arranged for fast evaluation: the gamma-function terms depend on the customer only through x, so they are
    /// computed once per distinct frequency rather than once per customer.
    /// </summary>
    private sealed class Likelihood
    {
        private readonly int[] frequencies;
        private readonly int[] group;
        private readonly double[] recency;
        private readonly double[] t;

        public Likelihood(IReadOnlyList<CustomerSummary> customers)
        {
            frequencies = customers.Select(c => (int)c.Frequency).Distinct().Order().ToArray();
            var index = frequencies.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
            group = customers.Select(c => index[(int)c.Frequency]).ToArray();
            recency = customers.Select(c => c.Recency).ToArray();
            t = customers.Select(c => c.T).ToArray();
        }

        public double Evaluate(BgNbdParameters p)
        {
            var shared = new double[frequencies.Length];
            var dropout = new double[frequencies.Length];
            var baseTerm = -SpecialFunctions.GammaLn(p.R) + (p.R * Math.Log(p.Alpha))
                + SpecialFunctions.GammaLn(p.A + p.B) - SpecialFunctions.GammaLn(p.B);
            for (var i = 0; i < frequencies.Length; i++)
            {
                double x = frequencies[i];
                shared[i] = baseTerm + SpecialFunctions.GammaLn(p.R + x) + SpecialFunctions.GammaLn(p.B + x)
                    - SpecialFunctions.GammaLn(p.A + p.B + x);
                dropout[i] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NaN;
            }

            var total = 0.0;
            for (var c = 0; c < group.Length; c++)
            {
                var g = group[c];
                total += shared[g] + p.AliveOrGone(frequencies[g], recency[c], t[c], dropout[g]);
            }

            return total;
        }
    }
}

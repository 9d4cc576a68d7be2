namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>A fitted Gamma-Gamma spend model: parameters, log-likelihood at the maximum and how many repeat customers.</summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers);

/// <summary>Fits the Gamma-Gamma spend model by maximum likelihood on the customers with at least one repeat purchase.</summary>
public static class GammaGammaModel
{
    /// <summary>Fewest repeat customers we fit three parameters to.</summary>
    public const int MinimumCustomers = 10;

    /// <summary>The customers the spend model uses: frequency ≥ 1 and a known mean spend.</summary>
    public static IReadOnlyList<CustomerSummary> RepeatCustomers(IEnumerable<CustomerSummary> customers) =>
        customers.Where(c => c.Frequency > 0 && c.MonetaryValue is not null).ToList();

    /// <summary>Total log-likelihood of the repeat customers' mean spends.</summary>
    public static double LogLikelihood(GammaGammaParameters parameters, IReadOnlyList<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var data = Prepare(customers);
        return data.Sum(d => parameters.LogLikelihood(d.X, d.Z));
    }

    /// <summary>
    /// Maximum-likelihood fit on <see cref="RepeatCustomers"/> of <paramref name="customers"/>. A repeat customer whose mean
    /// spend is not positive is refused with an <see cref="ArgumentException"/> naming them.
    /// </summary>
    public static GammaGammaFit Fit(IReadOnlyList<CustomerSummary> customers)
    {
        var data = Prepare(customers);
        if (data.Length < MinimumCustomers)
            throw new BtydFitException(
                $"Gamma-Gamma needs at least {MinimumCustomers} customers with a repeat purchase and a spend; there are {data.Length}.");
        var meanSpend = data.Average(d => d.Z);
        // Start at p = 1, q = 2, γ = mean spend, which puts the prior mean spend pγ/(q−1) at the observed mean.
        var (best, logLikelihood) = LogLikelihoodMaximizer.Maximize(
            "Gamma-Gamma",
            p =>
            {
                var parameters = new GammaGammaParameters(p[0], p[1], p[2]);
                var total = 0.0;
                foreach (var (x, z) in data)
                    total += parameters.LogLikelihood(x, z);
                return total;
            },
            [1, 2, meanSpend]);
        return new GammaGammaFit(new GammaGammaParameters(best[0], best[1], best[2]), logLikelihood, data.Length);
    }

    private static (double X, double Z)[] Prepare(IReadOnlyList<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var repeat = RepeatCustomers(customers);
        foreach (var customer in repeat)
        {
            SummaryValidation.Check(customer);
            if (!(customer.MonetaryValue > 0) || !double.IsFinite(customer.MonetaryValue.Value))
                throw new ArgumentException(
                    $"Customer '{customer.Id}': monetary_value must be a positive mean spend for a customer with repeat purchases, " +
                    $"not {customer.MonetaryValue}.");
        }

        return repeat.Select(c => (c.Frequency, c.MonetaryValue!.Value)).ToArray();
    }
}

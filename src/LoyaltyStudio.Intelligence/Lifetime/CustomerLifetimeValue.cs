namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// How far ahead and how to discount: <paramref name="Steps"/> steps of <paramref name="StepPeriods"/> periods each
/// (e.g. 12 steps of 52/12 weeks for a year in months) and a discount rate per step (e.g. 0.01 a month).
/// </summary>
public sealed record ClvHorizon(int Steps, double StepPeriods, double DiscountRatePerStep)
{
    /// <summary>Checks the horizon with a message naming the bad field.</summary>
    public void Validate()
    {
        if (Steps < 1)
            throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "The CLV horizon needs at least one step.");
        if (!(StepPeriods > 0) || !double.IsFinite(StepPeriods))
            throw new ArgumentOutOfRangeException(nameof(StepPeriods), StepPeriods, "The step length must be a positive number of periods.");
        if (!(DiscountRatePerStep > -1) || !double.IsFinite(DiscountRatePerStep))
            throw new ArgumentOutOfRangeException(nameof(DiscountRatePerStep), DiscountRatePerStep, "The discount rate must be greater than -1.");
    }
}

/// <summary>Customer lifetime value from a BG/NBD purchase model and a Gamma-Gamma spend model.</summary>
public static class CustomerLifetimeValue
{
    /// <summary>
    /// CLV = Σ_{k=1..K} (E[Y(k·s) | x, t_x, T] − E[Y((k−1)·s) | x, t_x, T]) · E[Z | x, z̄] / (1 + d)^k,
    /// i.e. the purchases expected in each step, times the expected spend per purchase, discounted at the end of the step
    /// (the same discrete sum the <c>lifetimes</c> package uses).
    /// </summary>
    public static double Compute(BgNbdParameters purchases, GammaGammaParameters spend, CustomerSummary customer, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(horizon);
        horizon.Validate();
        return Discounted(CumulativePurchases(purchases, customer, horizon), spend.ExpectedAverageSpend(customer), horizon);
    }

    /// <summary>
    /// E[Y(k·s) | x, t_x, T] for k = 1..K: the purchase side of <see cref="Compute"/>, which depends on the customer only
    /// through (x, t_x, T), so customers with the same summary can share it.
    /// </summary>
    public static double[] CumulativePurchases(BgNbdParameters purchases, CustomerSummary customer, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(horizon);
        var cumulative = new double[horizon.Steps];
        for (var k = 1; k <= horizon.Steps; k++)
            cumulative[k - 1] = purchases.ConditionalExpectedPurchases(k * horizon.StepPeriods, customer);
        return cumulative;
    }

    /// <summary>The sum of <see cref="Compute"/> from the <see cref="CumulativePurchases"/> and the expected spend per purchase.</summary>
    public static double Discounted(ReadOnlySpan<double> cumulativePurchases, double spendPerPurchase, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        var value = 0.0;
        var previous = 0.0;
        for (var k = 1; k <= cumulativePurchases.Length; k++)
        {
            var cumulative = cumulativePurchases[k - 1];
            value += (cumulative - previous) * spendPerPurchase / Math.Pow(1 + horizon.DiscountRatePerStep, k);
            previous = cumulative;
        }

        return value;
    }
}

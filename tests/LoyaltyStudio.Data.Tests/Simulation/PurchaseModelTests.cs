using System.Text.Json;
using LoyaltyStudio.Data.Simulation;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoyaltyStudio.Data.Tests.Simulation;

/// <summary>
/// The generated purchases and spend follow the configured BG/NBD and Gamma-Gamma distributions.
/// Tolerances are four standard errors estimated from the sample itself (customers are independent), so a correct
/// simulator fails by chance about once in 16,000 runs, while a wrong mean of more than a few per cent fails.
/// </summary>
public sealed class PurchaseModelTests(ExactBgNbdPopulation population, ITestOutputHelper output) : IClassFixture<ExactBgNbdPopulation>
{
    private static readonly SimulationParameters P = ExactBgNbdPopulation.Parameters;

    [Fact]
    public async Task Mean_repeat_purchases_match_the_BG_NBD_expectation_for_each_customers_time_since_signup()
    {
        var customers = await CustomersAsync();

        // x = purchases after the first (the signup purchase); T = days from signup to the end of the period.
        var observed = customers.Select(c => (double)(c.Orders - 1)).ToList();
        var expected = customers.Select(c => ExpectedRepeatPurchases((population.End - c.SignupDate).TotalDays)).Average();
        var (mean, se) = MeanAndStandardError(observed);

        output.WriteLine($"repeat purchases: observed {mean:0.000} ± {se:0.000}, BG/NBD expectation {expected:0.000}");
        Assert.InRange(mean, expected - (4 * se), expected + (4 * se));
    }

    [Fact]
    public async Task Mean_gross_order_value_matches_the_Gamma_Gamma_mean()
    {
        await using var context = population.Db.Context();
        var perCustomer = await context.Orders.AsNoTracking()
            .GroupBy(o => o.CustomerId)
            .Select(g => new { Count = g.Count(), Gross = g.Sum(o => (double)(o.Total + o.DiscountTotal)) })
            .ToListAsync();

        var expected = P.P * P.Gamma / (P.Q - 1);
        var n = perCustomer.Sum(c => c.Count);
        var mean = perCustomer.Sum(c => c.Gross) / n;
        // Orders of one customer share ν, so the standard error is computed over customers (cluster-robust).
        var se = Math.Sqrt(perCustomer.Sum(c => Math.Pow(c.Gross - (c.Count * mean), 2))) / n;

        output.WriteLine($"gross order value: observed {mean:0.000} ± {se:0.000} over {n} orders, p·γ/(q−1) = {expected:0.000}");
        Assert.InRange(mean, expected - (4 * se), expected + (4 * se));
    }

    [Fact]
    public async Task Recorded_latent_rates_follow_their_gamma_and_beta_distributions()
    {
        await using var context = population.Db.Context();
        var truths = await context.CustomerTruths.AsNoTracking().Select(t => new { t.PurchaseRate, t.DropoutProbability, t.MeanSpend }).ToListAsync();

        var (lambda, lambdaSe) = MeanAndStandardError(truths.Select(t => t.PurchaseRate).ToList());
        var (p, pSe) = MeanAndStandardError(truths.Select(t => t.DropoutProbability).ToList());
        var (spend, spendSe) = MeanAndStandardError(truths.Select(t => t.MeanSpend).ToList());

        Assert.Equal(ExactBgNbdPopulation.Request.Customers, truths.Count);
        Assert.InRange(lambda, (P.R / P.Alpha) - (4 * lambdaSe), (P.R / P.Alpha) + (4 * lambdaSe));
        Assert.InRange(p, (P.A / (P.A + P.B)) - (4 * pSe), (P.A / (P.A + P.B)) + (4 * pSe));
        var meanSpend = P.P * P.Gamma / (P.Q - 1);
        Assert.InRange(spend, meanSpend - (4 * spendSe), meanSpend + (4 * spendSe));
    }

    [Fact]
    public async Task Customers_who_left_never_buy_after_becoming_inactive()
    {
        await using var context = population.Db.Context();
        var late = await context.Orders.AsNoTracking()
            .Join(context.CustomerTruths, o => o.CustomerId, t => t.CustomerId, (o, t) => new { o.OrderedAt, t.BecameInactiveAt })
            .Where(x => x.BecameInactiveAt != null && x.OrderedAt > x.BecameInactiveAt)
            .CountAsync();
        var inactive = await context.CustomerTruths.CountAsync(t => t.BecameInactiveAt != null);

        Assert.Equal(0, late);
        Assert.True(inactive > ExactBgNbdPopulation.Request.Customers / 5, $"only {inactive} customers became inactive");
    }

    [Fact]
    public async Task The_data_set_records_its_seed_size_period_and_parameters_under_stable_names()
    {
        await using var context = population.Db.Context();
        var dataset = await context.SimulatedDatasets.AsNoTracking().SingleAsync();

        Assert.Equal(LoyaltySimulator.GeneratorName, dataset.Generator);
        Assert.Equal((5, 4000), (dataset.Seed, dataset.Customers));
        Assert.Equal((ExactBgNbdPopulation.Request.From, ExactBgNbdPopulation.Request.To), (dataset.From, dataset.To));
        using var json = JsonDocument.Parse(dataset.ParametersJson);
        var root = json.RootElement;
        Assert.Equal(P.R, root.GetProperty("r").GetDouble());
        Assert.Equal(P.Alpha, root.GetProperty("alpha").GetDouble());
        Assert.Equal(P.A, root.GetProperty("a").GetDouble());
        Assert.Equal(P.B, root.GetProperty("b").GetDouble());
        Assert.Equal(P.P, root.GetProperty("p").GetDouble());
        Assert.Equal(P.Q, root.GetProperty("q").GetDouble());
        Assert.Equal(P.Gamma, root.GetProperty("gamma").GetDouble());
        Assert.Equal("day", root.GetProperty("timeUnit").GetString());
        Assert.Equal(1, root.GetProperty("badContactDropoutMultiplier").GetDouble());
    }

    private async Task<List<(DateTime SignupDate, int Orders)>> CustomersAsync()
    {
        await using var context = population.Db.Context();
        var rows = await context.Customers.AsNoTracking()
            .Select(c => new { c.SignupDate, Orders = context.Orders.Count(o => o.CustomerId == c.Id) })
            .ToListAsync();
        return rows.Select(r => (r.SignupDate, r.Orders)).ToList();
    }

    private static (double Mean, double StandardError) MeanAndStandardError(List<double> values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance / values.Count));
    }

    /// <summary>
    /// BG/NBD (Fader, Hardie and Lee 2005, eq. 7): E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))].
    /// </summary>
    private static double ExpectedRepeatPurchases(double t)
    {
        double r = P.R, alpha = P.Alpha, a = P.A, b = P.B;
        var z = t / (alpha + t);
        return (a + b - 1) / (a - 1) * (1 - (Math.Pow(alpha / (alpha + t), r) * Hypergeometric2F1(r, b, a + b - 1, z)));
    }

    /// <summary>Gauss's hypergeometric series, summed until the terms vanish (|z| &lt; 1 here).</summary>
    private static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < 100_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-12 * Math.Abs(sum))
                break;
        }
        return sum;
    }
}

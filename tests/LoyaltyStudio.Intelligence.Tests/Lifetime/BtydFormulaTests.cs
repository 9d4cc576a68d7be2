using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

// Every expected value below is worked out by hand in the comment above it. The formulas involve a handful of floating
// operations, so 1e-12 (absolute, on values of order 1) is far above rounding and far below any formula mistake.
public sealed class BtydFormulaTests
{
    private const double Tolerance = 1e-12;

    private static CustomerSummary Customer(double x, double tx, double t, double? zbar = null) => new("c", x, tx, t, zbar);

    [Fact]
    public void BgNbd_likelihood_of_a_customer_without_repeats_is_r_log_alpha_over_alpha_plus_T()
    {
        // x = 0: L = B(a,b)/B(a,b) · (α/(α+T))^r = (2/8)^0.5 = 1/2, whatever a and b are.
        var parameters = new BgNbdParameters(R: 0.5, Alpha: 2, A: 0.7, B: 3.1);

        Assert.Equal(-Math.Log(2), parameters.LogLikelihood(Customer(0, 0, 6)), Tolerance);
    }

    [Fact]
    public void BgNbd_likelihood_of_one_repeat_adds_the_alive_and_the_dropped_out_paths()
    {
        // r=α=a=b=1, x=1, t_x=1, T=3: alive path B(1,2)/B(1,1) · Γ(2)/Γ(1) · 1/(1+3)^2 = 1/2 · 1/16 = 1/32;
        // dropped-out path B(2,1)/B(1,1) · 1/(1+1)^2 = 1/2 · 1/4 = 1/8; L = 5/32.
        var parameters = new BgNbdParameters(1, 1, 1, 1);

        Assert.Equal(Math.Log(5.0 / 32), parameters.LogLikelihood(Customer(1, 1, 3)), Tolerance);
    }

    [Fact]
    public void Probability_alive_is_the_alive_path_share_of_the_likelihood()
    {
        // Same customer: (1/32) / (5/32) = 1/5 = 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 2²).
        var parameters = new BgNbdParameters(1, 1, 1, 1);

        Assert.Equal(0.2, parameters.ProbabilityAlive(Customer(1, 1, 3)), Tolerance);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(52.0)]
    public void A_customer_without_repeat_purchases_is_certainly_alive_under_BgNbd(double t)
    {
        // BG/NBD customers can only drop out right after a repeat purchase, so x = 0 means alive whatever T is.
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        Assert.Equal(1.0, parameters.ProbabilityAlive(Customer(0, 0, t)));
    }

    [Fact]
    public void Expected_purchases_of_a_new_customer_follow_the_closed_form()
    {
        // r=1, α=1, a=2, b=1: E[X(t)] = 2 · [1 − 1/(1+t) · 2F1(1,1;2;t/(1+t))], and 2F1(1,1;2;z) = −ln(1−z)/z,
        // so E[X(t)] = 2 · (1 − ln(1+t)/t); at t=1 that is 2 · (1 − ln 2).
        var parameters = new BgNbdParameters(1, 1, 2, 1);

        Assert.Equal(2 * (1 - Math.Log(2)), parameters.ExpectedPurchases(1), Tolerance);
    }

    [Fact]
    public void Conditional_expected_purchases_follow_the_closed_form()
    {
        // r=1, α=1, a=2, b=1, x=0, T=1, t=2: 2 · [1 − (2/4)^1 · 2F1(1,1;2;1/2)] / 1 = 2 · (1 − ½ · 2 ln 2) = 2 · (1 − ln 2).
        var parameters = new BgNbdParameters(1, 1, 2, 1);

        Assert.Equal(2 * (1 - Math.Log(2)), parameters.ConditionalExpectedPurchases(2, Customer(0, 0, 1)), Tolerance);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(39.0)]
    public void A_customer_seen_for_no_time_is_expected_to_buy_like_a_new_customer(double t)
    {
        // With x = t_x = T = 0 nothing has been learnt, so E[Y(t) | 0, 0, 0] must equal E[X(t)] (eq. 10 reduces to eq. 7).
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        Assert.Equal(parameters.ExpectedPurchases(t), parameters.ConditionalExpectedPurchases(t, Customer(0, 0, 0)), 1e-10);
    }

    [Fact]
    public void GammaGamma_likelihood_of_one_purchase_is_the_exponential_gamma_mixture()
    {
        // p=1, q=2, γ=1, x=1: z ~ Exp(ν), ν ~ Gamma(2,1) ⇒ f(z) = ∫ ν e^(−νz) ν e^(−ν) dν = 2/(1+z)³; at z=1, 1/4.
        var parameters = new GammaGammaParameters(1, 2, 1);

        Assert.Equal(Math.Log(0.25), parameters.LogLikelihood(1, 1), Tolerance);
    }

    [Fact]
    public void Expected_spend_shrinks_the_customer_mean_towards_the_population_mean()
    {
        // p=6, q=4, γ=15, x=2, z̄=50: 6 · (15 + 2·50) / (6·2 + 4 − 1) = 690/15 = 46 (population mean 6·15/3 = 30).
        var parameters = new GammaGammaParameters(6, 4, 15);

        Assert.Equal(46, parameters.ExpectedAverageSpend(Customer(2, 5, 10, 50)), Tolerance);
        Assert.Equal(30, parameters.ExpectedAverageSpend(Customer(0, 0, 10)), Tolerance);
    }

    [Fact]
    public void Lifetime_value_discounts_each_step_of_expected_purchases_times_expected_spend()
    {
        // One step of 2 periods at 10 %: E[Y(2) | 0, 0, 1] · E[Z] / 1.1 = 2(1 − ln 2) · 30 / 1.1 (values as above).
        var purchases = new BgNbdParameters(1, 1, 2, 1);
        var spend = new GammaGammaParameters(6, 4, 15);
        var customer = Customer(0, 0, 1);

        var oneStep = CustomerLifetimeValue.Compute(purchases, spend, customer, new ClvHorizon(1, 2, 0.10));
        // Without discounting the steps telescope: 4 steps of 0.5 periods sum to E[Y(2)] · E[Z].
        var undiscounted = CustomerLifetimeValue.Compute(purchases, spend, customer, new ClvHorizon(4, 0.5, 0));

        Assert.Equal(2 * (1 - Math.Log(2)) * 30 / 1.1, oneStep, Tolerance);
        Assert.Equal(2 * (1 - Math.Log(2)) * 30, undiscounted, 1e-10);
    }

    [Fact]
    public void A_summary_with_recency_beyond_T_is_refused_naming_the_customer()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BgNbdModel.LogLikelihood(new BgNbdParameters(1, 1, 1, 1), [new CustomerSummary("C-17", 2, 12, 10, null)]));

        Assert.Contains("C-17", ex.Message);
        Assert.Contains("recency must be between 0 and T", ex.Message);
    }

    [Fact]
    public void BgNbd_refuses_to_fit_when_nobody_came_back()
    {
        var customers = Enumerable.Range(0, 50).Select(i => new CustomerSummary($"c{i}", 0, 0, 20, null)).ToList();

        var ex = Assert.Throws<BtydFitException>(() => BgNbdModel.Fit(customers));

        Assert.Contains("no customer made a repeat purchase", ex.Message);
    }

    [Fact]
    public void GammaGamma_refuses_a_repeat_customer_without_positive_spend()
    {
        var customers = Enumerable.Range(0, 20).Select(i => new CustomerSummary($"c{i}", 2, 5, 10, i == 7 ? 0 : 12.5)).ToList();

        var ex = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit(customers));

        Assert.Contains("'c7'", ex.Message);
        Assert.Contains("monetary_value must be a positive mean spend", ex.Message);
    }
}

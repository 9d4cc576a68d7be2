using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>Maximises a log-likelihood over strictly positive parameters with Nelder–Mead on their logarithms.</summary>
internal static class LogLikelihoodMaximizer
{
    // Relative spread of the simplex's function values at which one Nelder–Mead pass stops; at |LL| ≈ 10⁴ that is 10⁻⁸.
    private const double SimplexTolerance = 1e-12;
    private const int MaxIterationsPerPass = 20_000;
    private const int MaxPasses = 8;

    // A log-parameter beyond ±16 (a parameter above 10⁷ or below 10⁻⁷) means the likelihood keeps rising towards a boundary
    // of the parameter space (e.g. q and γ growing together when spends show no heterogeneity): no interior maximum.
    private const double MaxAbsLogParameter = 16;

    /// <summary>
    /// Returns the maximising parameters and the maximum. Nelder–Mead can stall on a flat ridge, so the search restarts
    /// from its own answer with a fresh simplex until a pass improves the log-likelihood by less than 10⁻⁹.
    /// </summary>
    public static (double[] Parameters, double LogLikelihood) Maximize(
        string model, Func<double[], double> logLikelihood, double[] start)
    {
        var objective = ObjectiveFunction.Value(u =>
        {
            var value = logLikelihood(u.Select(v => Math.Exp(v)).ToArray());
            // Outside the region where the likelihood is finite (over- or underflow), steer the simplex back.
            return double.IsFinite(value) ? -value : double.MaxValue;
        });
        var point = Vector<double>.Build.DenseOfEnumerable(start.Select(v => Math.Log(v)));
        var best = double.MaxValue;
        var simplex = new NelderMeadSimplex(SimplexTolerance, MaxIterationsPerPass);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            MinimizationResult result;
            try
            {
                result = simplex.FindMinimum(objective, point, Vector<double>.Build.Dense(point.Count, 0.5));
            }
            catch (MaximumIterationsException ex)
            {
                throw new BtydFitException(
                    $"The {model} fit did not converge in {MaxIterationsPerPass} Nelder–Mead iterations; " +
                    "the data may not identify the model (e.g. almost no repeat purchases).", ex);
            }

            var value = result.FunctionInfoAtMinimum.Value;
            point = result.MinimizingPoint;
            var improvement = best - value;
            best = value;
            if (improvement < 1e-9)
                break;
        }

        if (!double.IsFinite(best) || best == double.MaxValue || point.Any(u => !double.IsFinite(u) || Math.Abs(u) > MaxAbsLogParameter))
            throw new BtydFitException(
                $"The {model} fit did not converge: the likelihood has no finite maximum for this data " +
                "(a parameter ran off to 0 or infinity).");
        return (point.Select(v => Math.Exp(v)).ToArray(), -best);
    }
}

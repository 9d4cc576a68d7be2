using System.Diagnostics.CodeAnalysis;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Seeded draws for the demo data. Each customer gets its own generator seeded from (seed, customer index),
/// so a customer's history never depends on how many were generated before it or on batch sizes.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness",
    Justification = "Demo data must be reproducible from its seed; nothing here is security-relevant.")]
internal sealed class SeededRandom(int seed)
{
    // System.Random with an explicit seed uses a fixed algorithm, so sequences are stable across runs and machines.
    private readonly Random _random = new(seed);

    /// <summary>A seed for stream <paramref name="stream"/> of the data set seeded with <paramref name="seed"/> (SplitMix64 mixing).</summary>
    public static int Mix(int seed, long stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)stream;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }

    public double NextDouble() => _random.NextDouble();

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
            total += weights[i];
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Count - 1;
    }

    /// <summary>A Poisson count with mean <paramref name="mean"/> (Knuth's method; means here are small).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    /// <summary>A Gamma(<paramref name="shape"/>, <paramref name="scale"/>) draw (Marsaglia–Tsang).</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
            return Gamma(shape + 1, scale) * Math.Pow(NextDouble(), 1 / shape);
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
                return d * v * scale;
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Gamma draw with shape <paramref name="shape"/> and <b>rate</b> <paramref name="rate"/> (mean shape/rate).</summary>
    public double GammaWithRate(double shape, double rate) => Gamma(shape, 1 / rate);

    /// <summary>A Beta(<paramref name="a"/>, <paramref name="b"/>) draw, from two Gamma draws.</summary>
    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        var y = Gamma(b, 1);
        return x + y > 0 ? x / (x + y) : (NextDouble() < a / (a + b) ? 1 : 0);
    }

    /// <summary>A Dirichlet draw with concentrations <paramref name="concentrations"/>, from normalised Gamma draws.</summary>
    public double[] Dirichlet(IReadOnlyList<double> concentrations)
    {
        var draws = new double[concentrations.Count];
        var total = 0.0;
        for (var i = 0; i < draws.Length; i++)
            total += draws[i] = Gamma(concentrations[i], 1);
        if (total <= 0) // every draw underflowed (tiny concentrations): fall back to one category
        {
            draws[Weighted(concentrations)] = 1;
            return draws;
        }
        for (var i = 0; i < draws.Length; i++)
            draws[i] /= total;
        return draws;
    }

    /// <summary>An exponential waiting time with rate <paramref name="rate"/> (mean 1/rate).</summary>
    public double Exponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;
}

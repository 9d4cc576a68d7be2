using System.Diagnostics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Offers;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

/// <summary>A fact that runs only when <see cref="Variable"/> names a seeded SQLite file (it takes a large database to mean anything).</summary>
public sealed class OfferBenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "LOYALTY_OFFER_BENCH_DB";

    public OfferBenchmarkFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
            Skip = $"Benchmark: set {Variable} to a database seeded with `loyalty seed -n 100000` to time the next-best-offer engine.";
        else if (!File.Exists(path))
            Skip = $"Benchmark: {Variable} names '{path}', which does not exist.";
    }
}

/// <summary>Times the next-best-offer engine on a large seeded database (see <see cref="OfferBenchmarkFactAttribute"/>).</summary>
public sealed class OfferBenchmark(ITestOutputHelper output)
{
    [OfferBenchmarkFact]
    public async Task Offers_for_a_large_program_are_proposed_within_a_few_seconds()
    {
        var path = Environment.GetEnvironmentVariable(OfferBenchmarkFactAttribute.Variable)!;
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var engine = new NextBestOfferEngine(new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, connection));
        var cutoff = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

        await engine.ProposeAsync(cutoff.AddDays(-30)); // warm-up: JIT, query compilation, file cache
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var rates = await engine.EstimateResponseRatesAsync(cutoff);
        var ratesTime = watch.Elapsed;
        var offers = await engine.ProposeAsync(cutoff, rates: rates);
        watch.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;

        output.WriteLine($"{offers.ByCustomer.Count:N0} customers, {offers.ByCustomer.Values.Sum(l => l.Count):N0} candidates: " +
            $"response rates from {rates.Campaigns} campaigns in {ratesTime.TotalSeconds:F2} s, candidates in {(watch.Elapsed - ratesTime).TotalSeconds:F2} s, " +
            $"total {watch.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU (SQLite runs in process)");
        Assert.True(offers.ByCustomer.Count > 10_000);
        // CPU time, not wall time: the wall clock of a shared build machine says more about the neighbours than about the engine.
        Assert.True(cpuSeconds < 15, $"proposing took {cpuSeconds:F1} s of CPU");
    }
}

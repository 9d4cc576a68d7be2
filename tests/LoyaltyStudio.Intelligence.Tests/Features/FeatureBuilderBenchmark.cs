using System.Diagnostics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Features;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>Times the feature builder on a large seeded database (see <see cref="FeatureBenchmarkFactAttribute"/>).</summary>
public sealed class FeatureBuilderBenchmark(ITestOutputHelper output)
{
    [FeatureBenchmarkFact]
    public async Task Features_of_a_large_program_build_within_the_scoring_budget()
    {
        var path = Environment.GetEnvironmentVariable(FeatureBenchmarkFactAttribute.Variable)!;
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var builder = new SqlFeatureBuilder(new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, connection));
        var cutoff = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

        await builder.BuildAsync(cutoff.AddDays(-30)); // warm-up: JIT, query compilation, file cache
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var table = await builder.BuildAsync(cutoff);
        watch.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;

        // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
        output.WriteLine($"{table.Count:N0} customers × {table.Width} features in {watch.Elapsed.TotalSeconds:F2} s " +
            $"({cpu.TotalSeconds:F2} s CPU, load average {LoadAverage()})");
        Assert.True(table.Count > 10_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"building took {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

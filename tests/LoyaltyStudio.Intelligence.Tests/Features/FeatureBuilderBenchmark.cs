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
        var watch = Stopwatch.StartNew();
        var table = await builder.BuildAsync(cutoff);
        watch.Stop();

        output.WriteLine($"{table.Count:N0} customers × {table.Width} features in {watch.Elapsed.TotalSeconds:F2} s");
        Assert.True(table.Count > 10_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"building took {watch.Elapsed.TotalSeconds:F1} s");
    }
}

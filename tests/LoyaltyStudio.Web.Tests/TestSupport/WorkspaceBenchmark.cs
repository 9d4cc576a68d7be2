using System.Diagnostics;
using LoyaltyStudio.Data;
using Microsoft.Data.Sqlite;

namespace LoyaltyStudio.Web.Tests.TestSupport;

/// <summary>A fact that runs only when <see cref="WorkspaceBenchmark.Variable"/> names the scored 100,000-customer benchmark file.</summary>
public sealed class WorkspaceBenchmarkFactAttribute : FactAttribute
{
    /// <param name="timed">What the benchmark times, to finish the skip reason ("the churn pages' first view").</param>
    public WorkspaceBenchmarkFactAttribute(string timed)
    {
        if (!File.Exists(WorkspaceBenchmark.File ?? ""))
            Skip = $"Benchmark: set {WorkspaceBenchmark.Variable} to the scored 100,000-customer SQLite file (scored twice) to time {timed}.";
    }
}

/// <summary>What the workspace page benchmarks share: the file they read and how a call is timed (cold, then the median of five).</summary>
public static class WorkspaceBenchmark
{
    public const string Variable = "LOYALTY_WORKSPACE_BENCH_DB";

    /// <summary>The benchmark file, or null when the variable is not set.</summary>
    public static string? File => Environment.GetEnvironmentVariable(Variable);

    /// <summary>A context factory on <paramref name="file"/> (the benchmark file by default), read-only unless told otherwise.</summary>
    public static LoyaltyDbContextFactory Open(string? file = null, bool readOnly = true) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = file ?? File,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
        }.ToString());

    /// <summary>Runs <paramref name="call"/> once (cold) and five more times; returns the first result, the cold time and the warm median and runs, in ms.</summary>
    public static async Task<(T Result, double Cold, double Warm, IReadOnlyList<double> Runs)> TimeAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var clock = Stopwatch.StartNew();
        var result = await call();
        var cold = clock.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            await call();
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (result, cold, warm.Order().ElementAt(2), warm);
    }
}

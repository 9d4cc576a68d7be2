using System.Globalization;
using System.Runtime.CompilerServices;
using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Tests.Lifetime;

/// <summary>
/// The public CDNOW sample in the shared folder beside the repository (never copied into it). Found by walking up from
/// the test's base directory to a folder that holds <c>shared/datasets/cdnow</c>; absent on a user's clone.
/// </summary>
internal static class CdnowDataset
{
    public const string SummaryFileName = "cdnow_customers_summary_with_transactions.csv";

    public static string? SummaryPath { get; } = Locate();

    // The base directory is tried first; when the build output lives outside the clone (--artifacts-path /tmp/…), the
    // folder this source file was compiled from is the other place to start.
    private static string? Locate([CallerFilePath] string sourceFile = "") =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(sourceFile));

    private static string? FindAbove(string? start)
    {
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "cdnow", SummaryFileName);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    /// <summary>The 2,357 customers (x, t_x, T in weeks, zbar in dollars).</summary>
    public static IReadOnlyList<CustomerSummary> LoadSummary()
    {
        var path = SummaryPath ?? throw new InvalidOperationException("The CDNOW dataset was not found.");
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            double Number(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new CustomerSummary(f[0], Number(1), Number(2), Number(3), Number(4));
        }).ToList();
    }
}

/// <summary>A fact that runs only when the shared CDNOW dataset is present, and says why it skipped otherwise.</summary>
internal sealed class CdnowFactAttribute : FactAttribute
{
    public CdnowFactAttribute()
    {
        if (CdnowDataset.SummaryPath is null)
            Skip = $"…/shared/datasets/cdnow/{CdnowDataset.SummaryFileName} not found: these tests need the shared public dataset, " +
                "which a user's clone does not have.";
    }
}

using System.Globalization;
using LoyaltyStudio.Data.Import;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>Prints an <see cref="ImportResult"/>: the summary table on standard output, problems on standard error.</summary>
internal static class ImportReport
{
    public static async Task WriteAsync(ImportResult result, IAnsiConsole console, TextWriter error)
    {
        if (result.FileError is not null)
        {
            await error.WriteLineAsync($"Error: {result.FileName}: {result.FileError} Nothing was written.");
            return;
        }
        console.Write(SummaryTable(result));
        if (result.IgnoredColumns.Count > 0)
            console.WriteLine($"Ignored columns (not part of a {Kind(result)} file): {string.Join(", ", result.IgnoredColumns)}");
        if (result.RowsAlreadyPresent > 0)
            console.WriteLine($"{N(result.RowsAlreadyPresent)} already present (natural key in the database); not written again.");
        if (result.RejectsPath is not null)
            console.WriteLine($"{N(result.RowsInvalid)} invalid rows skipped; written with their reasons to {result.RejectsPath}");
        if (result.RowsInvalid == 0)
            return;

        await error.WriteLineAsync(result.Committed
            ? $"{N(result.RowsInvalid)} invalid rows were skipped:"
            : $"Error: {N(result.RowsInvalid)} invalid rows in {result.FileName}; nothing was written. Fix them, or import the valid rows with --skip-invalid.");
        foreach (var problem in result.Errors)
            await error.WriteLineAsync("  " + problem);
        if (result.MoreErrors > 0)
            await error.WriteLineAsync($"  ... and {N(result.MoreErrors)} more errors.");
    }

    private static Table SummaryTable(ImportResult r)
    {
        var table = new Table().AddColumn("Import " + Kind(r) + (r.Layout == "standard" ? "" : $" ({r.Layout} layout)"))
            .AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Rows read", N(r.RowsRead));
        table.AddRow("Written", N(r.RowsWritten));
        table.AddRow("Skipped (already present)", N(r.RowsAlreadyPresent));
        table.AddRow("Invalid", N(r.RowsInvalid));
        if (r.Layout == "retail")
            table.AddRow("Rows without a customer", N(r.RowsWithoutCustomer));
        if (r.Kind == ImportKind.Orders)
            table.AddRow("Orders written", N(r.OrdersWritten));
        if (r.CustomersCreated > 0)
            table.AddRow("Customers created", N(r.CustomersCreated));
        if (r.ProductsCreated > 0)
            table.AddRow("Products created", N(r.ProductsCreated));
        if (r.CategoriesCreated > 0)
            table.AddRow("Categories created", N(r.CategoriesCreated));
        table.Caption($"{r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s, {N((long)r.RowsPerSecond)} rows/s" +
            (r.Committed ? "" : " — nothing written"));
        return table;
    }

    private static string Kind(ImportResult r) => r.Kind.ToString().ToLowerInvariant();

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

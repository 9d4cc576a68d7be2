using Bunit;
using LoyaltyStudio.Data.Import;
using LoyaltyStudio.Web.Features.Admin.Import;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Import;

public sealed class ImportResultViewTests : ShellTestContext
{
    [Fact]
    public void A_rejected_import_says_nothing_was_written_and_lists_each_error_with_line_column_value_and_reason()
    {
        var result = new ImportResult
        {
            Kind = ImportKind.Orders, FileName = "orders.csv", RowsRead = 120, RowsInvalid = 101, MoreErrors = 1,
            Errors = [.. Enumerable.Range(2, 100).Select(line => new ImportError(line, "ordered_at", "02/01/2025", "is not a date"))],
        };

        var view = Render<ImportResultView>(p => p.Add(v => v.Result, result));

        Assert.Contains("101 invalid rows in orders.csv; nothing was written", view.Find(".ls-import-rejected").TextContent);
        var rows = view.FindAll(".ls-import-errors tbody tr");
        Assert.Equal(100, rows.Count);
        Assert.Equal(["2", "ordered_at", "02/01/2025", "is not a date"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("... and 1 more errors.", view.Find(".ls-import-more").TextContent);
    }

    [Fact]
    public void A_committed_retail_import_shows_the_summary_counts_and_the_ignored_columns()
    {
        var result = new ImportResult
        {
            Kind = ImportKind.Orders, FileName = "retail.csv", Layout = "retail", Committed = true, RowsRead = 10, RowsWritten = 7,
            RowsAlreadyPresent = 2, RowsInvalid = 1, RowsWithoutCustomer = 1, OrdersWritten = 3, IgnoredColumns = ["Region"],
            Errors = [new ImportError(11, "CustomerID", "", "is empty")], Elapsed = TimeSpan.FromSeconds(2),
        };

        var view = Render<ImportResultView>(p => p.Add(v => v.Result, result));

        Assert.Contains("7 written, 2 already present, 1 invalid rows skipped", view.Find(".ls-import-done").TextContent);
        var summary = view.Find(".ls-import-summary").TextContent;
        Assert.Contains("Rows without a customer", summary);
        Assert.Contains("Orders written", summary);
        Assert.Contains("Ignored columns: Region", view.Find(".ls-import-ignored").TextContent);
        Assert.Single(view.FindAll(".ls-import-errors tbody tr"));
    }

    [Fact]
    public void A_file_level_problem_is_shown_alone()
    {
        var result = new ImportResult { Kind = ImportKind.Products, FileName = "empty.csv", FileError = "The file is empty." };

        var view = Render<ImportResultView>(p => p.Add(v => v.Result, result));

        Assert.Contains("empty.csv: The file is empty. Nothing was written.", view.Find(".ls-import-file-error").TextContent);
        Assert.Empty(view.FindAll(".ls-import-summary"));
    }
}

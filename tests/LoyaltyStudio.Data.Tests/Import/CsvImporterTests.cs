using System.Text;
using LoyaltyStudio.Data.Import;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Import;

public sealed class CsvImporterTests
{
    private const string OrdersHeader = "order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount\n";

    [Fact]
    public async Task Customers_are_written_with_their_typed_values()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("customers.csv",
            "customer_id,first_name,last_name,email,age_band,region,signup_date,signup_channel,consent_email,consent_profiling\n" +
            "C10,Alan,Turing,alan@example.test,25-34,West,2024-01-15,store,yes,0\n");

        var result = await bed.ImportAsync(ImportKind.Customers, path);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(1, result.RowsWritten);
        await using var db = bed.Database.CreateContext();
        var alan = await db.Customers.SingleAsync(c => c.ExternalId == "C10");
        Assert.Equal(("Alan", "Turing", AgeBand.From25To34, SalesChannel.Store), (alan.FirstName, alan.LastName, alan.AgeBand, alan.SignupChannel));
        Assert.Equal(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc), alan.SignupDate);
        Assert.True(alan.Consent.Email);
        Assert.False(alan.Consent.Profiling);
    }

    [Fact]
    public async Task Order_lines_become_orders_with_totals_and_mark_their_customers_for_rescoring()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader +
            "O1,C1,2025-01-02 10:00:00,app,BEAN-1,2,12.50,1.00\n" +
            "O1,C1,2025-01-02 10:00:00,app,MUG-1,1,8.00,\n" +
            "O2,C2,2025-01-03,store,MUG-1,-1,8.00,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal((3L, 3L, 2L), (result.RowsRead, result.RowsWritten, result.OrdersWritten));
        await using var db = bed.Database.CreateContext();
        var o1 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "O1");
        Assert.Equal((32.00m, 1.00m, SalesChannel.App, 2), (o1.Total, o1.DiscountTotal, o1.Channel, o1.Lines.Count));
        var o2 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "O2");
        Assert.Equal(-8.00m, o2.Total); // a return
        Assert.All(await db.Customers.ToListAsync(), c => Assert.Equal(ImportTestBed.Now.UtcDateTime, c.RescoreRequestedAt));
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing_and_says_how_many_were_already_present()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C1,2025-01-02,online,BEAN-1,2,12.50,0\nO1,C1,2025-01-02,online,MUG-1,1,8,0\n");
        await bed.ImportAsync(ImportKind.Orders, path);
        var before = await bed.CountsAsync();

        var again = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.True(again.Succeeded);
        Assert.Equal((0L, 2L), (again.RowsWritten, again.RowsAlreadyPresent));
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task A_semicolon_file_is_read_by_detecting_the_delimiter_and_a_byte_order_mark_is_accepted()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("products.csv", "sku;name;category;unit_price\nTEA-1;\"Green; loose\";tea;4.20\n", bom: true);

        var result = await bed.ImportAsync(ImportKind.Products, path);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(1, result.CategoriesCreated);
        await using var db = bed.Database.CreateContext();
        var tea = await db.Products.SingleAsync(p => p.Sku == "TEA-1");
        Assert.Equal(("Green; loose", 4.20m), (tea.Name, tea.UnitPrice));
    }

    [Fact]
    public async Task A_wrong_delimiter_is_refused_with_a_hint_and_nothing_is_written()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("orders.csv", OrdersHeader.Replace(',', ';') + "O1;C1;2025-01-02;online;BEAN-1;2;12.50;0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path, new CsvImportOptions { Delimiter = ',' });

        Assert.False(result.Succeeded);
        Assert.Contains("Missing required column 'order_id'", result.FileError);
        Assert.Contains("is the delimiter ';'?", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task A_missing_required_column_is_named_and_nothing_is_written()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("orders.csv", "order_id,customer_id,ordered_at,sku,unit_price\nO1,C1,2025-01-02,BEAN-1,12.50\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.Contains("Missing required column 'quantity'", result.FileError);
        Assert.DoesNotContain("'order_id'", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task Unknown_extra_columns_are_ignored_and_reported()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("support.csv", "contact_id,customer_id,opened_at,topic,outcome,agent,mood\nS1,C1,2025-02-01,refund,resolved late,Bob,grumpy\n");

        var result = await bed.ImportAsync(ImportKind.Support, path);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(["agent", "mood"], result.IgnoredColumns);
        await using var db = bed.Database.CreateContext();
        Assert.Equal(Domain.Engagement.SupportOutcome.ResolvedLate, (await db.SupportContacts.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Bad_dates_and_numbers_are_reported_by_line_column_value_and_reason_and_nothing_is_written()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("orders.csv", OrdersHeader +
            "O1,C1,2025-01-02,online,BEAN-1,2,12.50,0\n" +
            "O2,C1,02/01/2025,online,BEAN-1,two,\"12,50\",0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.RowsInvalid);
        Assert.Equal(0, result.RowsWritten);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "ordered_at", Value: "02/01/2025" } && e.Reason.Contains("--date-format"));
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "quantity", Value: "two" } && e.Reason.Contains("whole number"));
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "unit_price", Value: "12,50" } && e.Reason.Contains("point"));
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task An_explicit_date_format_reads_the_retail_dates()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C1,12/1/2010 8:26,online,BEAN-1,2,12.50,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path, new CsvImportOptions { DateFormats = ["M/d/yyyy H:mm"] });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = bed.Database.CreateContext();
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0, DateTimeKind.Utc), (await db.Orders.SingleAsync()).OrderedAt);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();

        var result = await bed.ImportAsync(ImportKind.Customers, bed.Write("empty.csv", ""));

        Assert.Contains("The file is empty", result.FileError);
        Assert.Contains("customer_id", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task A_file_with_only_a_header_is_refused()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();

        var result = await bed.ImportAsync(ImportKind.Orders, bed.Write("header.csv", OrdersHeader));

        Assert.Equal("The file has a header but no data rows; nothing to import.", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task A_ten_megabyte_field_is_refused_with_a_clear_message()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("big.csv", "sku,name,category,unit_price\nA,ok,tea,1\nB,\"" + new string('x', 10 * 1024 * 1024) + "\",tea,1\n");

        var result = await bed.ImportAsync(ImportKind.Products, path);

        Assert.False(result.Succeeded);
        Assert.Contains("Line 3", result.FileError);
        Assert.Contains("longer than 1 MB", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task Broken_quoting_is_refused_with_its_line()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("quotes.csv", "sku,name,category,unit_price\nA,ok,tea,1\nB,\"Green\" tea,tea,1\nC,fine,tea,1\n");

        var result = await bed.ImportAsync(ImportKind.Products, path);

        Assert.False(result.Succeeded);
        Assert.Contains("Line 3: broken quoting in field 2", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_refused_with_line_and_byte_offset()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var latin1 = Encoding.Latin1.GetBytes("customer_id,first_name,last_name,signup_date\nC10,Ren\u00e9,Dupont,2024-01-01\n");

        var result = await bed.ImportAsync(ImportKind.Customers, bed.WriteBytes("latin1.csv", latin1));

        Assert.Contains("not valid UTF-8: line 2, byte offset 52 holds byte 0xE9", result.FileError);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task Duplicate_ids_inside_one_file_are_errors_and_nothing_is_written()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("events.csv", "event_id,customer_id,occurred_at,type,channel,sku,checkout_step\n" +
            "E1,C1,2025-03-01 08:00:00,product_view,online,BEAN-1,\nE1,C2,2025-03-01 09:00:00,app_open,app,,\n");

        var result = await bed.ImportAsync(ImportKind.Events, path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "event_id", "E1"), (error.Line, error.Column, error.Value));
        Assert.Contains("appears twice in the file (first on line 2)", error.Reason);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task The_same_order_line_twice_is_an_error()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C1,2025-01-02,online,BEAN-1,2,12.50,0\nO1,C1,2025-01-02,online,BEAN-1,2,12.50,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "sku" } && e.Reason.Contains("twice"));
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task An_order_for_an_unknown_customer_is_rejected()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C99,2025-01-02,online,BEAN-1,2,12.50,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("customer_id", "C99"), (error.Column, error.Value));
        Assert.Contains("--create-missing-customers", error.Reason);
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task With_create_missing_customers_an_order_for_an_unknown_customer_creates_the_customer()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C99,2025-01-02,online,BEAN-1,2,12.50,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path, new CsvImportOptions { CreateMissingCustomers = true });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(1, result.CustomersCreated);
        await using var db = bed.Database.CreateContext();
        var created = await db.Customers.SingleAsync(c => c.ExternalId == "C99");
        Assert.Equal(created.Id, (await db.Orders.SingleAsync()).CustomerId);
        Assert.Equal(new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc), created.SignupDate);
    }

    [Fact]
    public async Task Skip_invalid_writes_the_valid_rows_and_the_rejects_file()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader +
            "O1,C1,2025-01-02,online,BEAN-1,2,12.50,0\nO2,C1,2025-01-02,online,NOPE,2,12.50,0\nO3,C2,2025-01-05,store,MUG-1,1,8,0\n");
        var rejects = Path.Combine(bed.Database.Folder, "rejects.csv");

        var result = await bed.ImportAsync(ImportKind.Orders, path, new CsvImportOptions { SkipInvalid = true, RejectsPath = rejects });

        Assert.True(result.Succeeded);
        Assert.Equal((2L, 1L, 2L), (result.RowsWritten, result.RowsInvalid, result.OrdersWritten));
        Assert.Equal(rejects, result.RejectsPath);
        var lines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal("line,reason,original", lines[0]);
        Assert.StartsWith("3,\"sku 'NOPE' is not a known SKU", lines[1]);
        Assert.EndsWith("\"O2,C1,2025-01-02,online,NOPE,2,12.50,0\"", lines[1]);
        await using var db = bed.Database.CreateContext();
        Assert.Equal(["O1", "O3"], await db.Orders.OrderBy(o => o.ExternalId).Select(o => o.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task The_report_lists_the_first_hundred_errors_and_counts_the_rest()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"S{i},C1,not-a-date,refund,resolved\n"));
        var path = bed.Write("support.csv", "contact_id,customer_id,opened_at,topic,outcome\n" + rows);

        var result = await bed.ImportAsync(ImportKind.Support, path);

        Assert.Equal((100, 50L, 150L), (result.Errors.Count, result.MoreErrors, result.RowsInvalid));
    }

    [Fact]
    public async Task Retail_layout_stores_cancellations_as_returns_creates_unknown_products_and_counts_rows_without_a_customer()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("retail.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,C1,United Kingdom\n" +
            "536365,BEAN-1,House beans,2,12/1/2010 8:26,12.50,C1,United Kingdom\n" +
            "C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,12/1/2010 9:41,2.55,C1,United Kingdom\n" +
            "536414,22139,,56,12/1/2010 11:52,0,,United Kingdom\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path,
            new CsvImportOptions { DateFormats = ["M/d/yyyy H:mm"], SkipInvalid = true });

        Assert.Equal("retail", result.Layout);
        Assert.Equal((3L, 1L, 1L, 1L), (result.RowsWritten, result.RowsWithoutCustomer, result.RowsInvalid, result.ProductsCreated));
        await using var db = bed.Database.CreateContext();
        var created = await db.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "85123A");
        Assert.Equal(("WHITE HANGING HEART T-LIGHT HOLDER", "Uncategorised", 2.55m), (created.Name, created.Category!.Code, created.UnitPrice));
        var cancellation = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "C536379");
        Assert.Equal((-1, -2.55m, SalesChannel.Online), (cancellation.Lines.Single().Quantity, cancellation.Total, cancellation.Channel));
    }

    [Fact]
    public async Task Retail_rows_without_a_customer_make_an_all_or_nothing_import_write_nothing()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await bed.CountsAsync();
        var path = bed.Write("retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "536365,BEAN-1,House beans,2,2010-12-01 08:26:00,12.50,C1,United Kingdom\n536414,22139,,56,2010-12-01 11:52:00,0,,United Kingdom\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.RowsWithoutCustomer);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "CustomerID" });
        Assert.Equal(before, await bed.CountsAsync());
    }

    [Fact]
    public async Task Lines_of_an_order_that_come_back_later_in_the_file_join_that_order()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader +
            "O1,C1,2025-01-02,online,BEAN-1,1,12.50,0\nO2,C2,2025-01-02,online,BEAN-1,1,12.50,0\nO1,C1,2025-01-02,online,MUG-1,1,8,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = bed.Database.CreateContext();
        var o1 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "O1");
        Assert.Equal((2, 20.50m), (o1.Lines.Count, o1.Total));
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_again_on_the_connection_after_an_import()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", OrdersHeader + "O1,C1,2025-01-02,online,BEAN-1,2,12.50,0\n");
        Assert.True((await bed.ImportAsync(ImportKind.Orders, path)).Succeeded);

        await using var db = bed.Database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var foreignKeys = await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").ToListAsync();
        Assert.Equal([1L], foreignKeys);
        await Assert.ThrowsAsync<DbUpdateException>(async () =>
        {
            db.Add(new LoyaltyStudio.Domain.Sales.Order("O-ORPHAN", customerId: 999_999, DateTime.UtcNow, SalesChannel.Online));
            await db.SaveChangesAsync();
        });
    }
}

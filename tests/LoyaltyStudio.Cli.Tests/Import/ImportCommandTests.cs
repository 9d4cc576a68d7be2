using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests.Import;

public sealed class ImportCommandTests
{
    private static readonly string Samples = FindSamples();

    [Fact]
    public async Task The_sample_files_import_in_order_and_a_second_import_changes_nothing()
    {
        using var folder = new TempDataFolder();
        string[][] runs =
        [
            ["import", "customers", Sample("customers.csv")],
            ["import", "products", Sample("products.csv")],
            ["import", "orders", Sample("orders.csv")],
            ["import", "events", Sample("events.csv")],
            ["import", "support", Sample("support.csv")],
        ];
        foreach (var args in runs)
        {
            var run = await CliRun.RunAsync([.. args, folder.Override]);
            Assert.True(run.ExitCode == ExitCodes.Success, $"{string.Join(' ', args)}: {run.Error}");
        }
        var again = await CliRun.RunAsync("import", "orders", Sample("orders.csv"), folder.Override);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("4 already present", again.Out);
        await using var db = folder.Factory().CreateDbContext();
        Assert.Equal((3, 3, 3, 4, 4, 2), (await db.Customers.CountAsync(), await db.Products.CountAsync(), await db.Orders.CountAsync(),
            await db.OrderLines.CountAsync(), await db.InteractionEvents.CountAsync(), await db.SupportContacts.CountAsync()));
    }

    [Fact]
    public async Task The_retail_sample_imports_with_its_date_format_skipping_the_row_without_a_customer()
    {
        using var folder = new TempDataFolder();
        await CliRun.RunAsync("import", "customers", Sample("customers.csv"), folder.Override);
        await CliRun.RunAsync("import", "products", Sample("products.csv"), folder.Override);
        var rejects = Path.Combine(folder.Path, "rejects.csv");

        var run = await CliRun.RunAsync("import", "orders", Sample("orders-retail.csv"), "--date-format", "M/d/yyyy H:mm",
            "--skip-invalid", "--rejects", rejects, folder.Override);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("retail layout", run.Out);
        Assert.Contains("Rows without a customer", run.Out);
        Assert.Contains("CustomerID", await File.ReadAllTextAsync(rejects));
        await using var db = folder.Factory().CreateDbContext();
        Assert.Equal(2, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Invalid_rows_exit_with_code_3_report_each_row_on_stderr_and_write_nothing()
    {
        using var folder = new TempDataFolder();
        Directory.CreateDirectory(folder.Path);
        var file = Path.Combine(folder.Path, "bad.csv");
        await File.WriteAllTextAsync(file, "customer_id,first_name,last_name,signup_date\nC1,Ada,Lovelace,2024-01-01\nC2,Grace,Hopper,1st of May\n");

        var run = await CliRun.RunAsync("import", "customers", file, folder.Override);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("1 invalid rows in bad.csv; nothing was written", run.Error);
        Assert.Contains("line 3, column signup_date, value '1st of May'", run.Error);
        Assert.Equal(0, await folder.CustomerCountAsync());
    }

    [Fact]
    public async Task A_file_level_problem_exits_with_code_3_and_names_it()
    {
        using var folder = new TempDataFolder();
        Directory.CreateDirectory(folder.Path);
        var file = Path.Combine(folder.Path, "empty.csv");
        await File.WriteAllTextAsync(file, "");

        var run = await CliRun.RunAsync("import", "products", file, folder.Override);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("Error: empty.csv: The file is empty", run.Error);
    }

    [Theory]
    [InlineData("does not exist", "import", "orders", "no-such-file.csv")]
    [InlineData("--delimiter must be one character", "import", "orders", "{samples}/orders.csv", "--delimiter", "::")]
    [InlineData("--rejects only applies with --skip-invalid", "import", "orders", "{samples}/orders.csv", "--rejects", "r.csv")]
    public async Task Bad_arguments_exit_with_code_1_and_say_why(string message, params string[] args)
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync([.. args.Select(a => a.Replace("{samples}", Samples, StringComparison.Ordinal)), folder.Override]);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task The_import_benchmark_prints_both_rates_and_their_ratio()
    {
        var run = await CliRun.RunAsync("bench", "import", "--rows", "2000");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("(a) bare prepared INSERT", run.Out);
        Assert.Contains("(b) loyalty import orders", run.Out);
        Assert.Matches(@"ratio \d+\.\d\d", run.Out);
    }

    private static string Sample(string name) => Path.Combine(Samples, name);

    // From this source file's path, so the samples are found wherever the build output goes (--artifacts-path).
    private static string FindSamples([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyStudio.sln")))
                return Path.Combine(dir.FullName, "samples");
        }
        throw new InvalidOperationException("Cannot find the repository root (LoyaltyStudio.sln) above " + source);
    }
}

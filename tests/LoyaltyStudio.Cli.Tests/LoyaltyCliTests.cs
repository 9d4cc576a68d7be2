using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests;

// One class: these tests set process-wide environment variables, so they must not run in parallel with each other.
public sealed class LoyaltyCliTests
{
    private const string DataFolderVariable = "Database__DataFolder";

    [Fact]
    public async Task Seed_into_the_overridden_data_folder_creates_the_requested_customers()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("seed", "--customers", "40", "--seed", "3", "--from", "2025-01-01", "--to", "2025-06-30", folder.Override);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal(40, await folder.CustomerCountAsync());
        Assert.Contains(folder.DatabaseFile, run.Out);
        Assert.Contains("Customers", run.Out);
        Assert.Contains("rows/s", run.Out);
    }

    [Fact]
    public async Task Settings_come_from_environment_variables_and_command_line_overrides_win()
    {
        using var fromEnvironment = new TempDataFolder();
        using var fromCommandLine = new TempDataFolder();
        var previous = Environment.GetEnvironmentVariable(DataFolderVariable);
        Environment.SetEnvironmentVariable(DataFolderVariable, fromEnvironment.Path);
        try
        {
            var viaEnvironment = await CliRun.RunAsync("seed", "-n", "5", "--from", "2025-01-01", "--to", "2025-03-31");
            var viaOverride = await CliRun.RunAsync("seed", "-n", "7", "--from", "2025-01-01", "--to", "2025-03-31",
                "--Database:DataFolder", fromCommandLine.Path);

            Assert.True(viaEnvironment.ExitCode == ExitCodes.Success, viaEnvironment.Error);
            Assert.True(viaOverride.ExitCode == ExitCodes.Success, viaOverride.Error);
            Assert.Equal(5, await fromEnvironment.CustomerCountAsync());
            Assert.Equal(7, await fromCommandLine.CustomerCountAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataFolderVariable, previous);
        }
    }

    [Theory]
    [InlineData("--customers must be at least 1", "seed", "--customers", "0")]
    [InlineData("--customers must be at least 1", "seed", "-n", "-4")]
    [InlineData("must be before --to", "seed", "--from", "2025-06-01", "--to", "2025-01-01")]
    [InlineData("must be before --to", "seed", "--from", "2025-06-01", "--to", "2025-06-01")]
    [InlineData("--from must be a date written yyyy-MM-dd, not '2025-02-30'", "seed", "--from", "2025-02-30", "--to", "2025-06-01")]
    [InlineData("Give both --from and --to", "seed", "--to", "2025-06-01")]
    [InlineData("--months must be between 1 and 120", "seed", "--months", "0")]
    public async Task Bad_arguments_print_the_reason_exit_with_1_and_write_nothing(string message, params string[] args)
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync([.. args, folder.Override]);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(folder.DatabaseFile), "nothing should be written for bad arguments");
    }

    [Fact]
    public async Task Seeding_a_database_that_holds_customers_is_refused_with_exit_code_3()
    {
        using var folder = new TempDataFolder();
        var first = await CliRun.RunAsync("seed", "-n", "6", "--from", "2025-01-01", "--to", "2025-02-28", folder.Override);
        Assert.Equal(ExitCodes.Success, first.ExitCode);

        var second = await CliRun.RunAsync("seed", "-n", "50", "--seed", "9", folder.Override);

        Assert.Equal(ExitCodes.Refused, second.ExitCode);
        Assert.Contains("already holds 6 customers", second.Error);
        Assert.Equal(6, await folder.CustomerCountAsync());
    }

    [Fact]
    public async Task Db_migrate_on_an_empty_folder_creates_the_schema_and_names_the_migrations()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("db", "migrate", folder.Override);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        await using var context = folder.Factory().CreateDbContext();
        var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.All(applied, name => Assert.Contains(name, run.Out));
        Assert.Equal(0, await context.Customers.CountAsync());

        var again = await CliRun.RunAsync("db", "migrate", folder.Override);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("up to date", again.Out);
    }

    [Fact]
    public async Task An_unknown_provider_is_reported_plainly_with_exit_code_2()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("db", "migrate", "--Database:Provider=Oracle", folder.Override);

        Assert.Equal(ExitCodes.DatabaseUnavailable, run.ExitCode);
        Assert.Contains("Database:Provider", run.Error);
        Assert.Contains("Oracle", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Sql_server_connection_string_password_is_never_printed()
    {
        var run = await CliRun.RunAsync("db", "migrate", "--Database:Provider=SqlServer",
            "--ConnectionStrings:Loyalty=Server=127.0.0.1,1;Database=LoyaltyCliTest;User Id=sa;Password=S3cret-Pass!;Connect Timeout=1;TrustServerCertificate=true");

        Assert.Equal(ExitCodes.DatabaseUnavailable, run.ExitCode);
        Assert.Contains("SqlServer, database LoyaltyCliTest", run.Out);
        Assert.DoesNotContain("S3cret-Pass!", run.Out + run.Error);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Exit codes: 0 success; 1 invalid arguments", run.Out);
        Assert.Contains("seed", run.Out);
        Assert.Contains("db", run.Out);
    }
}

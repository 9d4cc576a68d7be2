using LoyaltyStudio.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests;

/// <summary>One in-process run of <c>loyalty</c>: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LoyaltyCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temp data folder for the SQLite file, and a way to look inside it.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "loyalty-cli-" + Guid.NewGuid().ToString("N"));

    public string DatabaseFile => System.IO.Path.Combine(Path, "loyalty.db");

    public string Override => $"--Database:DataFolder={Path}";

    public async Task<int> CustomerCountAsync()
    {
        if (!File.Exists(DatabaseFile))
            return 0;
        await using var context = Factory().CreateDbContext();
        return (await context.Database.GetAppliedMigrationsAsync()).Any() ? await context.Customers.CountAsync() : 0;
    }

    public LoyaltyDbContextFactory Factory() => new(DatabaseProvider.Sqlite,
        new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}

using System.Diagnostics;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Integration;

/// <summary>
/// Starts the real app as its own process with a bad setting and reads what an operator would see:
/// one message naming the setting or path, no stack trace, and a non-zero exit code.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _workFolder = TempFolder.Create("startup");

    public void Dispose() => TempFolder.Delete(_workFolder);

    private async Task<(int ExitCode, string Output)> RunAppAsync(params string[] settings)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "LoyaltyStudio.Web.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add($"--Database:DataFolder={_workFolder}");
        foreach (var setting in settings)
            start.ArgumentList.Add(setting);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app kept running with a bad setting instead of refusing to start.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Unknown_database_provider_stops_start_up_with_a_message_naming_the_setting()
    {
        var (exitCode, output) = await RunAppAsync("--Database:Provider=Oracle");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Database:Provider", output);
        Assert.Contains("Oracle", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Data_folder_that_cannot_be_created_stops_start_up_with_a_message_naming_the_path()
    {
        var blocker = Path.Combine(_workFolder, "a-file");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        var folder = Path.Combine(blocker, "data");

        var (exitCode, output) = await RunAppAsync($"--Database:DataFolder={folder}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(folder, output);
        Assert.Contains("Database:DataFolder", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Database_file_that_cannot_be_written_stops_start_up_with_a_message_naming_the_path()
    {
        // A folder where the database file should be: unwritable even for root, unlike a read-only mode bit.
        var file = Path.Combine(_workFolder, "loyalty.db");
        Directory.CreateDirectory(file);

        var (exitCode, output) = await RunAppAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains(file, output);
        Assert.Contains("Database:", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_SQL_Server_that_does_not_answer_stops_start_up_within_seconds_naming_the_setting_but_not_the_password()
    {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): nothing answers there, so only the connect timeout ends the wait.
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await RunAppAsync(
            "--Database:Provider=SqlServer",
            "--ConnectionStrings:Loyalty=Server=tcp:192.0.2.1,1433;Database=Loyalty;User Id=loyalty;Password=Sup3rSecret!;TrustServerCertificate=true",
            "--Database:ConnectTimeoutSeconds=3");
        clock.Stop();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Loyalty", output);
        Assert.Contains("192.0.2.1", output);
        Assert.DoesNotContain("Sup3rSecret!", output);
        Assert.DoesNotContain("   at ", output);
        // Process start-up on a busy 2-core machine takes several seconds on its own; a hang would hit the 60 s limit.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"Start-up took {clock.Elapsed} to give up on SQL Server.");
    }

    [Fact]
    public async Task Risk_thresholds_that_make_a_band_unreachable_stop_start_up_with_a_message_naming_the_setting()
    {
        var (exitCode, output) = await RunAppAsync("--Scoring:MediumRiskFrom=60", "--Scoring:HighRiskFrom=50");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Scoring:MediumRiskFrom/HighRiskFrom", output);
        Assert.Contains("(50)", output);
        Assert.DoesNotContain("   at ", output);
    }
}

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
    public async Task Risk_thresholds_that_make_a_band_unreachable_stop_start_up_with_a_message_naming_the_setting()
    {
        var (exitCode, output) = await RunAppAsync("--Scoring:MediumRiskFrom=60", "--Scoring:HighRiskFrom=50");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Scoring:MediumRiskFrom/HighRiskFrom", output);
        Assert.Contains("(50)", output);
        Assert.DoesNotContain("   at ", output);
    }
}

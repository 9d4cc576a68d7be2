using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using System.Text.Json;

namespace LoyaltyStudio.Web.Tests.Repository;

/// <summary>
/// The README starts with exactly the two commands of a fresh machine, and what they rely on is in place: the launch
/// profile <c>dotnet run</c> picks (http://localhost:5080, Development, so demo mode is on) and an executable
/// <c>test.sh</c> that <c>.ci/run</c> calls and that ends with the summary line.
/// </summary>
public sealed class TwoCommandsTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Readme_starts_with_exactly_the_run_and_test_commands()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        var afterTitle = lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(string.IsNullOrWhiteSpace).Take(4).ToArray();

        Assert.Equal(["```sh", "dotnet run --project src/LoyaltyStudio.Web", "./test.sh", "```"], afterTitle);
    }

    [Fact]
    public void Dotnet_run_uses_the_http_profile_on_port_5080_in_development()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(Root, "src", "LoyaltyStudio.Web", "Properties", "launchSettings.json")));

        // dotnet run takes the first profile whose commandName is Project.
        var profile = settings.RootElement.GetProperty("profiles").EnumerateObject()
            .First(p => p.Value.GetProperty("commandName").GetString() == "Project");

        Assert.Equal("http", profile.Name);
        Assert.Equal("http://localhost:5080", profile.Value.GetProperty("applicationUrl").GetString());
        Assert.Equal("Development", profile.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // the scripts are bash; Windows has no execute bit to check
    public void Test_script_and_ci_entry_point_are_executable_and_ci_runs_the_test_script()
    {
        var testScript = Path.Combine(Root, "test.sh");
        var ci = Path.Combine(Root, ".ci", "run");

        Assert.True(File.GetUnixFileMode(testScript).HasFlag(UnixFileMode.UserExecute), "test.sh is not executable");
        Assert.True(File.GetUnixFileMode(ci).HasFlag(UnixFileMode.UserExecute), ".ci/run is not executable");
        Assert.Contains(File.ReadAllLines(ci), l => l.Trim() is "./test.sh" or "exec ./test.sh");
    }

    [Fact]
    public void Test_script_runs_every_test_project_and_ends_with_the_summary_line_and_its_exit_code()
    {
        var script = File.ReadAllLines(Path.Combine(Root, "test.sh")).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        Assert.Contains("for project in tests/*/*.csproj; do", script);
        Assert.Equal("echo \"$passed passed, $failed failed\"", script[^2]);
        Assert.Equal("[ \"$failed\" -eq 0 ]", script[^1]);
        Assert.Contains(script, l => l.Contains("apt-get install -y -qq chromium", StringComparison.Ordinal));
        Assert.Contains(script, l => l.Contains("apt-get install -y chromium", StringComparison.Ordinal));
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyStudio.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("LoyaltyStudio.sln not found above the test sources.");
    }
}

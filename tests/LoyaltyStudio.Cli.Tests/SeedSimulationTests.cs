using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests;

public sealed class SeedSimulationTests
{
    [Fact]
    public async Task Parameter_overrides_shape_the_data_set_and_are_recorded_with_it()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("seed", "-n", "60", "--seed", "4", "--from", "2025-01-01", "--to", "2025-12-31",
            "--set", "alpha=10", "--set", "campaigns=0", "--set", "responseShares=[1,0,0,0]", folder.Override);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("Ground truth", run.Out);
        await using var context = folder.Factory().CreateDbContext();
        var dataset = await context.SimulatedDatasets.SingleAsync();
        using var json = JsonDocument.Parse(dataset.ParametersJson);
        Assert.Equal(10, json.RootElement.GetProperty("alpha").GetDouble());
        Assert.Equal(0.75, json.RootElement.GetProperty("r").GetDouble());
        Assert.Equal((4, 60), (dataset.Seed, dataset.Customers));
        Assert.Equal(0, await context.Campaigns.CountAsync());
        Assert.Equal(60, await context.CustomerTruths.CountAsync(t => t.OfferResponse == Data.GroundTruth.OfferResponseType.Persuadable));
    }

    [Theory]
    [InlineData("There is no simulation parameter 'lambda'", "lambda=2")]
    [InlineData("must be written name=value", "alpha")]
    [InlineData("Simulation parameter q = 1 must be greater than 1", "q=1")]
    [InlineData("Simulation parameter alpha cannot be 'ten'", "alpha=ten")]
    [InlineData("Simulation parameter holdoutShare = 0.8 must be above 0 and at most 0.5", "holdoutShare=0.8")]
    public async Task Bad_parameter_overrides_are_refused_by_name_with_exit_code_1_and_nothing_written(string message, string setting)
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync("seed", "-n", "5", "--set", setting, folder.Override);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(folder.DatabaseFile), "nothing should be written for bad arguments");
    }
}

using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Registry;

namespace LoyaltyStudio.Cli.Tests;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly DateTime Trained = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    private async Task<ModelVersionRegistry> TwoChurnVersionsAsync()
    {
        Assert.Equal(0, (await CliRun.RunAsync("db", "migrate", _folder.Override)).ExitCode);
        var registry = new ModelVersionRegistry(_folder.Factory(), TimeProvider.System);
        foreach (var auc in new[] { 0.861, 0.884 })
        {
            var stored = await registry.StoreAsync(new NewModelVersion(ModelKind.Churn, "LightGbm", [1, 2, 3],
                $$"""{"auc":{{auc.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"baselineAuc":0.846}""",
                Trained.AddDays(-180), Trained, "test"));
            await registry.ActivateAsync(ModelKind.Churn, stored.Version);
        }
        return registry;
    }

    [Fact]
    public async Task List_shows_every_version_with_its_quality_and_which_is_active()
    {
        await TwoChurnVersionsAsync();

        var run = await CliRun.RunAsync("models", "list", _folder.Override);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("AUC 0.884 (recency alone 0.846)", run.Out, StringComparison.Ordinal);
        Assert.Contains("AUC 0.861 (recency alone 0.846)", run.Out, StringComparison.Ordinal);
        var activeLine = Assert.Single(run.Out.Split('\n'), l => l.Contains("ACTIVE", StringComparison.Ordinal));
        Assert.StartsWith("Churn v2  ACTIVE  LightGbm  AUC 0.884", activeLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_activates_the_previous_version_and_refuses_past_the_first()
    {
        var registry = await TwoChurnVersionsAsync();

        var back = await CliRun.RunAsync("models", "rollback", "--kind", "churn", _folder.Override);
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("Churn v1 (LightGbm, AUC 0.861 (recency alone 0.846)) is now active", back.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await registry.GetActiveAsync(ModelKind.Churn))!.Version);

        var again = await CliRun.RunAsync("models", "rollback", "--kind", "churn", _folder.Override);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("nothing to roll back to", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await registry.GetActiveAsync(ModelKind.Churn))!.Version);
    }

    [Fact]
    public async Task Activate_switches_to_a_named_version_and_names_what_is_missing()
    {
        var registry = await TwoChurnVersionsAsync();
        await registry.ActivateAsync(ModelKind.Churn, 1);

        Assert.Equal(0, (await CliRun.RunAsync("models", "activate", "--kind", "Churn", "--version", "2", _folder.Override)).ExitCode);
        Assert.Equal(2, (await registry.GetActiveAsync(ModelKind.Churn))!.Version);

        var missing = await CliRun.RunAsync("models", "activate", "--kind", "churn", "--version", "9", _folder.Override);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no Churn model v9", missing.Error, StringComparison.Ordinal);

        var badKind = await CliRun.RunAsync("models", "activate", "--kind", "weather", "--version", "1", _folder.Override);
        Assert.Equal(1, badKind.ExitCode);
        Assert.Contains("--kind must be one of Churn, LifetimeValue", badKind.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await registry.GetActiveAsync(ModelKind.Churn))!.Version);
    }
}

using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Registry;

public sealed class ModelVersionRegistryTests : IAsyncLifetime
{
    private static readonly DateTime WindowStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private SqliteTestDatabase _db = null!;
    private ModelVersionRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
        _registry = new ModelVersionRegistry(_db.Factory, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static NewModelVersion Model(ModelKind kind, byte artifactByte = 1, string metrics = """{"auc":0.8}""") =>
        new(kind, "LightGbm", [artifactByte, 2, 3], metrics, WindowStart, WindowEnd, "trainer");

    [Fact]
    public async Task Versions_are_numbered_per_kind_and_stored_inactive()
    {
        var churn1 = await _registry.StoreAsync(Model(ModelKind.Churn));
        var churn2 = await _registry.StoreAsync(Model(ModelKind.Churn));
        var lifetime1 = await _registry.StoreAsync(Model(ModelKind.LifetimeValue));

        Assert.Equal((1, 2, 1), (churn1.Version, churn2.Version, lifetime1.Version));
        Assert.All(await _registry.ListAsync(), v => Assert.False(v.IsActive));
        Assert.Null(await _registry.GetActiveAsync(ModelKind.Churn));
    }

    [Fact]
    public async Task Stored_version_keeps_artifact_metrics_window_and_author()
    {
        await _registry.StoreAsync(Model(ModelKind.Churn, artifactByte: 9, metrics: """{"auc":0.91}"""));
        await _registry.ActivateAsync(ModelKind.Churn, 1);

        var active = await _registry.GetActiveAsync(ModelKind.Churn);

        Assert.NotNull(active);
        Assert.Equal(new byte[] { 9, 2, 3 }, active.Artifact);
        Assert.Equal(("""{"auc":0.91}""", WindowStart, WindowEnd, "trainer"), (active.MetricsJson, active.TrainingWindowStart, active.TrainingWindowEnd, active.CreatedBy));
    }

    [Fact]
    public async Task Activating_a_version_deactivates_the_others_of_its_kind_only()
    {
        await _registry.StoreAsync(Model(ModelKind.Churn));
        await _registry.StoreAsync(Model(ModelKind.Churn));
        await _registry.StoreAsync(Model(ModelKind.LifetimeValue));
        await _registry.ActivateAsync(ModelKind.LifetimeValue, 1);
        await _registry.ActivateAsync(ModelKind.Churn, 1);

        await _registry.ActivateAsync(ModelKind.Churn, 2);

        var versions = await _registry.ListAsync();
        Assert.Equal([(ModelKind.Churn, 2), (ModelKind.LifetimeValue, 1)],
            versions.Where(v => v.IsActive).Select(v => (v.Kind, v.Version)).ToList());
        Assert.Equal(2, (await _registry.GetActiveAsync(ModelKind.Churn))!.Version);
    }

    [Fact]
    public async Task Activating_a_version_that_does_not_exist_is_refused_and_changes_nothing()
    {
        await _registry.StoreAsync(Model(ModelKind.Churn));
        await _registry.ActivateAsync(ModelKind.Churn, 1);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _registry.ActivateAsync(ModelKind.Churn, 5));

        Assert.Equal("There is no Churn model v5 to activate.", ex.Message);
        Assert.Equal(1, (await _registry.GetActiveAsync(ModelKind.Churn))!.Version);
    }

    [Fact]
    public async Task Rolling_back_activates_the_previous_version()
    {
        for (var i = 0; i < 3; i++)
            await _registry.StoreAsync(Model(ModelKind.Churn));
        await _registry.ActivateAsync(ModelKind.Churn, 3);

        var previous = await _registry.RollBackAsync(ModelKind.Churn);

        Assert.Equal(2, previous.Version);
        Assert.Equal(2, (await _registry.GetActiveAsync(ModelKind.Churn))!.Version);
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.ModelVersions.CountAsync(m => m.IsActive));
    }

    [Fact]
    public async Task Rolling_back_the_first_version_is_refused_and_it_stays_active()
    {
        await _registry.StoreAsync(Model(ModelKind.Churn));
        await _registry.ActivateAsync(ModelKind.Churn, 1);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _registry.RollBackAsync(ModelKind.Churn));

        Assert.Contains("Churn v1 is the first version; there is nothing to roll back to", ex.Message);
        Assert.Equal(1, (await _registry.GetActiveAsync(ModelKind.Churn))!.Version);
    }

    [Fact]
    public async Task Rolling_back_with_no_active_version_is_refused()
    {
        await _registry.StoreAsync(Model(ModelKind.Churn));

        var ex = await Assert.ThrowsAsync<DomainException>(() => _registry.RollBackAsync(ModelKind.Churn));

        Assert.Equal("There is no active Churn model to roll back from.", ex.Message);
    }
}

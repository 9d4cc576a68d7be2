using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Domain.Tests.Scoring;

public class ModelRegistryTests
{
    private static readonly DateTime T0 = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ModelVersion Version(int v, ModelKind kind = ModelKind.Churn) =>
        new(kind, v, "FastTree", [1, 2, 3], "{}", T0.AddMonths(-12), T0, "admin", T0.AddDays(v));

    [Fact]
    public void Activating_a_version_deactivates_every_other_version_of_its_kind()
    {
        ModelVersion[] versions = [Version(1), Version(2), Version(3)];
        versions[0].Activate();

        ModelRegistry.Activate(versions[2], versions);

        Assert.Equal([false, false, true], versions.Select(v => v.IsActive));
    }

    [Fact]
    public void Activating_against_a_version_of_another_kind_is_refused_and_changes_nothing()
    {
        var active = Version(1);
        active.Activate();
        var chosen = Version(2);
        ModelVersion[] mixed = [active, Version(1, ModelKind.LifetimeValue), chosen];

        var ex = Assert.Throws<DomainException>(() => ModelRegistry.Activate(chosen, mixed));

        Assert.Contains("Cannot activate Churn v2 against a LifetimeValue model", ex.Message);
        Assert.True(active.IsActive);
        Assert.False(chosen.IsActive);
    }

    [Fact]
    public void Roll_back_goes_to_the_newest_version_older_than_the_active_one()
    {
        ModelVersion[] versions = [Version(1), Version(2), Version(4), Version(5)];
        versions[2].Activate();

        var previous = ModelRegistry.RollBack(versions);

        Assert.Equal(2, previous.Version);
        Assert.Equal([false, true, false, false], versions.Select(v => v.IsActive));
    }

    [Fact]
    public void Roll_back_from_the_first_version_is_refused()
    {
        ModelVersion[] versions = [Version(1), Version(2)];
        versions[0].Activate();

        var ex = Assert.Throws<DomainException>(() => ModelRegistry.RollBack(versions));

        Assert.Contains("Churn v1 is the first version", ex.Message);
        Assert.True(versions[0].IsActive);
    }

    [Fact]
    public void Roll_back_without_an_active_version_is_refused() =>
        Assert.Contains("no active model version", Assert.Throws<DomainException>(() => ModelRegistry.RollBack([Version(1), Version(2)])).Message);

    [Fact]
    public void Model_versions_start_at_1() =>
        Assert.Contains("start at 1", Assert.Throws<DomainException>(() => Version(0)).Message);

    [Fact]
    public void Training_window_must_end_after_it_starts()
    {
        var ex = Assert.Throws<DomainException>(() => new ModelVersion(ModelKind.Rfm, 1, "k-means", [], "{}", T0, T0, "admin", T0));

        Assert.Contains("Rfm model v1: the training window must end after it starts", ex.Message);
    }

    [Fact]
    public void New_version_is_inactive_and_keeps_its_artifact()
    {
        var version = new ModelVersion(ModelKind.Uplift, 3, "T-learner", null!, "{}", T0.AddDays(-1), T0, "admin", T0);

        Assert.False(version.IsActive);
        Assert.Empty(version.Artifact);
    }
}

using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>The rule that exactly one version per model kind is active, applied to a set of versions.</summary>
public static class ModelRegistry
{
    /// <summary>Activates <paramref name="chosen"/> and deactivates every other version of the same kind.</summary>
    public static void Activate(ModelVersion chosen, IEnumerable<ModelVersion> versionsOfKind)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        foreach (var version in versionsOfKind)
        {
            if (version.Kind != chosen.Kind)
                throw new DomainException($"Cannot activate {chosen.Kind} v{chosen.Version} against a {version.Kind} model.");
            if (!ReferenceEquals(version, chosen))
                version.Deactivate();
        }
        chosen.Activate();
    }

    /// <summary>Goes back to the newest version older than the active one.</summary>
    public static ModelVersion RollBack(IReadOnlyCollection<ModelVersion> versionsOfKind)
    {
        var active = versionsOfKind.SingleOrDefault(v => v.IsActive)
            ?? throw new DomainException("There is no active model version to roll back from.");
        var previous = versionsOfKind.Where(v => v.Version < active.Version).MaxBy(v => v.Version)
            ?? throw new DomainException($"{active.Kind} v{active.Version} is the first version; there is nothing to roll back to.");
        Activate(previous, versionsOfKind);
        return previous;
    }
}

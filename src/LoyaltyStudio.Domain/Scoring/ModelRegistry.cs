using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Scoring;

/// <summary>The rule that exactly one version per model kind is active, applied to a set of versions.</summary>
public static class ModelRegistry
{
    /// <summary>Activates <paramref name="chosen"/> and deactivates every other version of the same kind.</summary>
    public static void Activate(ModelVersion chosen, IEnumerable<ModelVersion> versionsOfKind)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(versionsOfKind);
        // Check every version before changing any, so a refused activation leaves the registry as it was.
        var versions = versionsOfKind.ToList();
        var otherKind = versions.FirstOrDefault(v => v.Kind != chosen.Kind);
        if (otherKind is not null)
            throw new DomainException($"Cannot activate {chosen.Kind} v{chosen.Version} against a {otherKind.Kind} model.");
        foreach (var version in versions.Where(v => !ReferenceEquals(v, chosen)))
            version.Deactivate();
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

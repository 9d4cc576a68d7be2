namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>A saved audience as stored: its name, rules (JSON) and who made it when.</summary>
public sealed record SavedAudienceInfo(long Id, string Name, string RulesJson, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// A saved audience with its size in the current scoring run, or <see cref="Problem"/> saying why it cannot be
/// evaluated any more (e.g. a segment it names is gone); exactly one of <see cref="Size"/> and <see cref="Problem"/> is set.
/// </summary>
public sealed record SavedAudienceSummary(SavedAudienceInfo Audience, AudienceSize? Size, string? Problem);

/// <summary>
/// A saved audience with its rules read and checked (<see cref="Rules"/>, and <see cref="CanonicalRules"/>: the checked
/// rules as the builder writes them, equal for equal rule trees), or <see cref="Problem"/> saying why they cannot be.
/// </summary>
public sealed record SavedAudienceRules(SavedAudienceInfo Audience, ValidatedAudienceRules? Rules, string? CanonicalRules, string? Problem);

/// <summary>An audience evaluated now: its size and the first customer ids (in id order) for a preview.</summary>
public sealed record AudienceEvaluation(AudienceSize Size, IReadOnlyList<long> PreviewCustomerIds);

/// <summary>What the audience builder needs to draw its editor: the fields and the values they may take.</summary>
public sealed record AudienceEditorOptions(IReadOnlyList<AudienceField> Fields, AudienceReferenceData Reference);

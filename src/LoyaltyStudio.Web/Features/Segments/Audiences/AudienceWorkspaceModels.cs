using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Audiences;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>The saved-audience list: whether a scoring run exists, whether the user may change audiences, and the audiences by name.</summary>
public sealed record AudienceListView(bool HasRun, bool CanEdit, IReadOnlyList<AudienceListRow> Audiences);

/// <summary>
/// One saved audience with its size in the current run and when that was counted (UTC), or <see cref="Problem"/> saying
/// why it cannot be evaluated (then <see cref="Size"/> and <see cref="CountedAt"/> are null).
/// </summary>
public sealed record AudienceListRow(
    long Id, string Name, AudienceSize? Size, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, string? Problem, DateTime? CountedAt = null);

/// <summary>What the builder needs: the fields and pick lists, the audience being edited (null for a new one) and the user's rights.</summary>
public sealed record AudienceEditorView(bool HasRun, bool CanEdit, AudienceEditorOptions Options, AudienceBeingEdited? Audience);

/// <summary>
/// A saved audience opened in the builder: its id, name and stored rules; when the stored rules cannot be read,
/// <see cref="Rules"/> is empty and <see cref="UnreadableRules"/> says why, naming the audience.
/// </summary>
public sealed record AudienceBeingEdited(long Id, string Name, AudienceRules Rules, string CreatedBy, DateTime CreatedAt, string? UnreadableRules = null);

/// <summary>
/// The builder's live answer for the rules as they stand: the size (null while the rules have problems), every problem
/// as the validator words it ("Condition 2: ..."), and the first matching customers, masked when the user's role requires.
/// </summary>
public sealed record AudienceLiveResult(AudienceSize? Size, IReadOnlyList<string> Problems, IReadOnlyList<AudiencePreviewRow> Preview, bool Masked)
{
    /// <summary>True when the rules were valid and counted.</summary>
    public bool IsValid => Size is not null;
}

/// <summary>
/// A matching customer in the builder's preview; <see cref="RiskBand"/> and <see cref="LifetimeValue"/> are null when the
/// customer has no current score or did not consent to profiling (scores are not shown for them).
/// </summary>
public sealed record AudiencePreviewRow(long Id, string ExternalId, string Name, string? Email, string Tier, ChurnRiskBand? RiskBand, decimal? LifetimeValue);

using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// The rule tree of an audience as the builder edits it and <c>SavedAudience.RulesJson</c> stores it: a version number
/// and one top group. Values stay text here, as typed; <see cref="AudienceRuleValidator"/> checks and types them.
/// </summary>
public sealed record AudienceRules
{
    /// <summary>The format this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The format version; 0 means the JSON carried none.</summary>
    public int Version { get; init; }

    public AudienceRuleGroup Root { get; init; } = new();

    /// <summary>Rules in the current format with <paramref name="root"/> as the top group.</summary>
    public static AudienceRules Of(AudienceRuleGroup root) => new() { Version = CurrentVersion, Root = root };
}

/// <summary>How a group combines its conditions and subgroups.</summary>
public enum AudienceMatch
{
    /// <summary>Every condition and subgroup must hold (AND).</summary>
    All = 0,

    /// <summary>At least one condition or subgroup must hold (OR).</summary>
    Any = 1,
}

/// <summary>A group of conditions and subgroups combined with AND (<see cref="AudienceMatch.All"/>) or OR (<see cref="AudienceMatch.Any"/>).</summary>
public sealed record AudienceRuleGroup
{
    public AudienceMatch Match { get; init; }

    public IReadOnlyList<AudienceCondition> Conditions { get; init; } = [];

    public IReadOnlyList<AudienceRuleGroup> Groups { get; init; } = [];

    public static AudienceRuleGroup All(params AudienceCondition[] conditions) => new() { Match = AudienceMatch.All, Conditions = conditions };

    public static AudienceRuleGroup Any(params AudienceCondition[] conditions) => new() { Match = AudienceMatch.Any, Conditions = conditions };

    /// <summary>This group with <paramref name="groups"/> added as subgroups.</summary>
    public AudienceRuleGroup With(params AudienceRuleGroup[] groups) => this with { Groups = [.. Groups, .. groups] };
}

/// <summary>
/// One test <c>field operator value</c>, e.g. <c>clv atLeast 500</c>. <see cref="Values"/> holds the choices of
/// <see cref="AudienceOperator.IsOneOf"/>; <see cref="Argument"/> is the second input some fields need (the category of
/// a category affinity).
/// </summary>
public sealed record AudienceCondition
{
    /// <summary>The key of a field of <see cref="AudienceFieldCatalog"/>, e.g. <c>riskBand</c>.</summary>
    public string Field { get; init; } = "";

    public AudienceOperator Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Values { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Argument { get; init; }

    public static AudienceCondition Of(string field, AudienceOperator op, string value) => new() { Field = field, Operator = op, Value = value };

    public static AudienceCondition OneOf(string field, params string[] values) => new() { Field = field, Operator = AudienceOperator.IsOneOf, Values = values };
}

/// <summary>How a condition compares its field with its value.</summary>
public enum AudienceOperator
{
    Is = 0,
    IsNot = 1,
    IsOneOf = 2,
    GreaterThan = 3,
    AtLeast = 4,
    LessThan = 5,
    AtMost = 6,
}

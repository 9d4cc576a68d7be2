using System.Globalization;
using System.Text.RegularExpressions;
using LoyaltyStudio.Intelligence.Audiences;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>
/// A group of the rule tree while the builder edits it (mutable, unlike <see cref="AudienceRuleGroup"/>). Conditions and
/// groups are numbered the way <see cref="AudienceRuleValidator"/> numbers them (a group's own conditions, then its
/// subgroups', depth first; the top group is group 1), so that its messages land beside the right input.
/// </summary>
public sealed partial class AudienceDraftGroup
{
    public AudienceMatch Match { get; set; } = AudienceMatch.All;

    public List<AudienceDraftCondition> Conditions { get; } = [];

    public List<AudienceDraftGroup> Groups { get; } = [];

    /// <summary>The validator's number of this group (1 for the top group), set by <see cref="Renumber"/>.</summary>
    public int Number { get; private set; } = 1;

    /// <summary>The draft of stored or given rules.</summary>
    public static AudienceDraftGroup From(AudienceRuleGroup? group)
    {
        var draft = new AudienceDraftGroup { Match = group?.Match ?? AudienceMatch.All };
        foreach (var condition in group?.Conditions ?? [])
            draft.Conditions.Add(AudienceDraftCondition.From(condition));
        foreach (var subgroup in group?.Groups ?? [])
            draft.Groups.Add(From(subgroup));
        draft.Renumber();
        return draft;
    }

    /// <summary>The rules this draft says, in the stored format.</summary>
    public AudienceRules ToRules() => AudienceRules.Of(ToGroup());

    /// <summary>This group as a rule group.</summary>
    public AudienceRuleGroup ToGroup() => new()
    {
        Match = Match,
        Conditions = Conditions.Select(c => c.ToCondition()).ToList(),
        Groups = Groups.Select(g => g.ToGroup()).ToList(),
    };

    /// <summary>Numbers the groups and conditions as the validator will; call after adding or removing any.</summary>
    public void Renumber()
    {
        int groups = 0, conditions = 0;
        NumberFrom(ref groups, ref conditions);
    }

    /// <summary>The messages of <paramref name="problems"/> about condition <paramref name="number"/>, without the "Condition n:" prefix.</summary>
    public static IReadOnlyList<string> ProblemsOfCondition(IReadOnlyList<string> problems, int number) =>
        Matching(problems, ConditionPrefix(), number);

    /// <summary>The messages of <paramref name="problems"/> about group <paramref name="number"/>, as worded.</summary>
    public static IReadOnlyList<string> ProblemsOfGroup(IReadOnlyList<string> problems, int number) =>
        problems.Where(p => GroupPrefix().Match(p) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == number).ToList();

    /// <summary>The messages that name no condition and no group (e.g. "needs at least one condition").</summary>
    public static IReadOnlyList<string> GeneralProblems(IReadOnlyList<string> problems) =>
        problems.Where(p => !ConditionPrefix().IsMatch(p) && !GroupPrefix().IsMatch(p)).ToList();

    private void NumberFrom(ref int groups, ref int conditions)
    {
        Number = ++groups;
        foreach (var condition in Conditions)
            condition.Number = ++conditions;
        foreach (var group in Groups)
            group.NumberFrom(ref groups, ref conditions);
    }

    private static List<string> Matching(IReadOnlyList<string> problems, Regex prefix, int number) => problems
        .Select(p => prefix.Match(p))
        .Where(m => m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == number)
        .Select(m => m.Groups[2].Value)
        .ToList();

    [GeneratedRegex(@"^Condition (\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex ConditionPrefix();

    [GeneratedRegex(@"^Group (\d+)\b")]
    private static partial Regex GroupPrefix();
}

/// <summary>One condition while the builder edits it: field, operator, the value (or values for "is one of") and the category argument.</summary>
public sealed class AudienceDraftCondition
{
    public string Field { get; set; } = "";

    public AudienceOperator Operator { get; set; }

    public string? Value { get; set; }

    public IReadOnlyList<string> Values { get; set; } = [];

    public string? Argument { get; set; }

    /// <summary>The validator's number of this condition, set by <see cref="AudienceDraftGroup.Renumber"/>.</summary>
    public int Number { get; set; }

    /// <summary>The draft of a stored condition.</summary>
    public static AudienceDraftCondition From(AudienceCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new AudienceDraftCondition
        {
            Field = condition.Field,
            Operator = condition.Operator,
            Value = condition.Value,
            Values = condition.Values?.ToList() ?? [],
            Argument = condition.Argument,
        };
    }

    /// <summary>Points the condition at another field: the field's first operator, no value yet.</summary>
    public void ChooseField(AudienceField? field)
    {
        Field = field?.Key ?? "";
        Operator = field is { Operators.Count: > 0 } ? field.Operators[0] : AudienceOperator.Is;
        Value = field?.ValueType == AudienceValueType.YesNo ? "yes" : null;
        Values = [];
        Argument = null;
    }

    /// <summary>This condition as stored: <see cref="Values"/> for "is one of", <see cref="Value"/> otherwise.</summary>
    public AudienceCondition ToCondition() => new()
    {
        Field = Field,
        Operator = Operator,
        Value = Operator == AudienceOperator.IsOneOf ? null : Value,
        Values = Operator == AudienceOperator.IsOneOf ? Values.ToList() : null,
        Argument = Argument,
    };
}

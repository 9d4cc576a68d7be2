namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>Rules that passed <see cref="AudienceRuleValidator"/>: values typed, names turned into ids, ready to become SQL.</summary>
public sealed class ValidatedAudienceRules
{
    internal ValidatedAudienceRules(AudienceRules rules, ResolvedGroup root, int conditionCount)
    {
        Rules = rules;
        Root = root;
        ConditionCount = conditionCount;
    }

    /// <summary>The rules as given, with names normalised to their stored spelling.</summary>
    public AudienceRules Rules { get; }

    public int ConditionCount { get; }

    internal ResolvedGroup Root { get; }
}

/// <summary>A node of the checked rule tree.</summary>
internal abstract record ResolvedNode;

/// <summary>A checked group.</summary>
internal sealed record ResolvedGroup(AudienceMatch Match, IReadOnlyList<ResolvedNode> Children) : ResolvedNode;

/// <summary>
/// A checked condition. Only the members its field uses are set: <see cref="Amount"/> for numbers and percentages
/// (a percentage as given, 0–100), <see cref="Texts"/> for choices, tiers and regions, <see cref="Ids"/> for segments,
/// <see cref="Flag"/> for yes/no and <see cref="CategoryId"/> for an affinity.
/// </summary>
internal sealed record ResolvedCondition(int Number, AudienceField Field, AudienceOperator Operator) : ResolvedNode
{
    public decimal Amount { get; init; }

    public IReadOnlyList<string> Texts { get; init; } = [];

    public IReadOnlyList<long> Ids { get; init; } = [];

    public bool Flag { get; init; }

    public int CategoryId { get; init; }
}

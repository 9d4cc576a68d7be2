using System.Globalization;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// Checks audience rules against <see cref="AudienceFieldCatalog"/> and the reference data, and types their values.
/// Every fault is reported, each naming its condition or group: conditions are numbered from 1 in reading order
/// (a group's own conditions, then its subgroups'), groups likewise with the top group as group 1.
/// </summary>
public static class AudienceRuleValidator
{
    /// <summary>How deep groups may nest, counting the top group: (a AND b) OR (c AND (d OR e)) is three levels.</summary>
    public const int MaxDepth = 3;

    /// <summary>More conditions than this make an unreadable audience and an oversized query.</summary>
    public const int MaxConditions = 50;

    private const NumberStyles NumberStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>The typed rules, or an <see cref="AudienceRulesException"/> listing every fault.</summary>
    public static ValidatedAudienceRules Validate(AudienceRules rules, AudienceReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(reference);
        var walk = new Walk(reference);
        if (rules.Version != AudienceRules.CurrentVersion)
            walk.Problems.Add($"The rules are in format version {rules.Version}; this version of LoyaltyStudio reads version {AudienceRules.CurrentVersion}.");
        var (root, normalised) = walk.Group(rules.Root ?? new AudienceRuleGroup(), depth: 1);
        if (walk.ConditionCount == 0)
            walk.Problems.Add("The audience needs at least one condition.");
        else if (walk.ConditionCount > MaxConditions)
            walk.Problems.Add($"The audience has {walk.ConditionCount} conditions; at most {MaxConditions} are allowed.");
        if (walk.Problems.Count > 0)
            throw new AudienceRulesException(walk.Problems);
        return new ValidatedAudienceRules(rules with { Root = normalised }, root, walk.ConditionCount);
    }

    /// <summary>Which fields the rules use, so callers load only the reference data they need.</summary>
    public static bool Uses(AudienceRules rules, string fieldKey)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Uses(rules.Root, fieldKey);
    }

    private static bool Uses(AudienceRuleGroup? group, string fieldKey) => group is not null
        && ((group.Conditions ?? []).Any(c => string.Equals(c?.Field, fieldKey, StringComparison.OrdinalIgnoreCase))
            || (group.Groups ?? []).Any(g => Uses(g, fieldKey)));

    private sealed class Walk(AudienceReferenceData reference)
    {
        private int _groups;

        public List<string> Problems { get; } = [];

        public int ConditionCount { get; private set; }

        public (ResolvedGroup Group, AudienceRuleGroup Normalised) Group(AudienceRuleGroup group, int depth)
        {
            var number = ++_groups;
            if (depth > MaxDepth)
                Problems.Add($"Group {number} is nested {depth} levels deep; groups nest at most {MaxDepth} levels.");
            if (!Enum.IsDefined(group.Match))
                Problems.Add($"Group {number}: '{group.Match}' is not a way to combine conditions; use all (AND) or any (OR).");
            var conditions = group.Conditions ?? [];
            var groups = group.Groups ?? [];
            if (number > 1 && conditions.Count == 0 && groups.Count == 0)
                Problems.Add($"Group {number} is empty; add a condition to it or remove it.");

            var children = new List<ResolvedNode>();
            var normalisedConditions = new List<AudienceCondition>();
            foreach (var condition in conditions)
            {
                var (resolved, normalised) = Condition(condition ?? new AudienceCondition(), ++ConditionCount);
                normalisedConditions.Add(normalised);
                if (resolved is not null)
                    children.Add(resolved);
            }
            var normalisedGroups = new List<AudienceRuleGroup>();
            foreach (var subgroup in groups)
            {
                var (resolved, normalised) = Group(subgroup ?? new AudienceRuleGroup(), depth + 1);
                normalisedGroups.Add(normalised);
                children.Add(resolved);
            }
            return (new ResolvedGroup(group.Match, children), group with { Conditions = normalisedConditions, Groups = normalisedGroups });
        }

        private (ResolvedCondition? Resolved, AudienceCondition Normalised) Condition(AudienceCondition condition, int number)
        {
            var problemsBefore = Problems.Count;
            void Fail(string message) => Problems.Add($"Condition {number}: {message}");

            var field = AudienceFieldCatalog.Find(condition.Field);
            if (field is null)
            {
                Fail(string.IsNullOrWhiteSpace(condition.Field)
                    ? "choose a field."
                    : $"there is no field '{condition.Field}'; the fields are {string.Join(", ", AudienceFieldCatalog.Fields.Select(f => f.Key))}.");
                return (null, condition);
            }
            if (!field.Operators.Contains(condition.Operator))
            {
                Fail($"'{field.Label}' cannot use '{AudienceFieldCatalog.Label(condition.Operator)}'; it allows {string.Join(", ", field.Operators.Select(o => $"'{AudienceFieldCatalog.Label(o)}'"))}.");
                return (null, condition);
            }

            IReadOnlyList<string> raw;
            if (condition.Operator == AudienceOperator.IsOneOf)
            {
                raw = [.. (condition.Values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
                if (raw.Count == 0)
                    Fail($"'{field.Label}' {AudienceFieldCatalog.Label(condition.Operator)} needs at least one value.");
            }
            else
            {
                raw = string.IsNullOrWhiteSpace(condition.Value) ? [] : [condition.Value.Trim()];
                if (raw.Count == 0)
                    Fail($"'{field.Label}' needs a value.");
            }

            var resolved = new ResolvedCondition(number, field, condition.Operator);
            var values = new List<string>();
            switch (field.ValueType)
            {
                case AudienceValueType.Amount:
                case AudienceValueType.WholeNumber:
                case AudienceValueType.Percent:
                    if (raw.Count == 1 && Number(field, raw[0], Fail) is { } amount)
                    {
                        resolved = resolved with { Amount = amount };
                        values.Add(raw[0]);
                    }
                    break;
                case AudienceValueType.Choice:
                    foreach (var text in raw)
                    {
                        var choice = field.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                        if (choice is null)
                            Fail($"'{field.Label}' is one of {string.Join(", ", field.Choices)}, not '{text}'.");
                        else
                            values.Add(choice);
                    }
                    resolved = resolved with { Texts = values };
                    break;
                case AudienceValueType.MicroSegment:
                case AudienceValueType.RfmSegment:
                    var kind = field.ValueType == AudienceValueType.MicroSegment ? SegmentKind.Micro : SegmentKind.Rfm;
                    var ids = new List<long>();
                    foreach (var text in raw)
                    {
                        var segment = reference.Segments.FirstOrDefault(s => string.Equals(s.Key, text, StringComparison.OrdinalIgnoreCase));
                        if (segment is null)
                            Fail($"unknown segment '{text}'.");
                        else if (segment.Kind != kind)
                            Fail($"'{text}' is not {(kind == SegmentKind.Micro ? "a micro-segment" : "an RFM segment")}, so '{field.Label}' cannot test it.");
                        else
                        {
                            ids.Add(segment.Id);
                            values.Add(segment.Key);
                        }
                    }
                    resolved = resolved with { Ids = ids };
                    break;
                case AudienceValueType.Tier:
                    foreach (var text in raw)
                    {
                        var tier = reference.Tiers.FirstOrDefault(t => string.Equals(t.Code, text, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(t.Name, text, StringComparison.OrdinalIgnoreCase));
                        if (tier is null)
                            Fail($"unknown tier '{text}'; the tiers are {string.Join(", ", reference.Tiers.Select(t => t.Code))}.");
                        else
                            values.Add(tier.Code);
                    }
                    resolved = resolved with { Texts = values };
                    break;
                case AudienceValueType.Region:
                    foreach (var text in raw)
                    {
                        var region = reference.Regions.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
                        if (region is null)
                            Fail($"unknown region '{text}'; no customer lives there.");
                        else
                            values.Add(region);
                    }
                    resolved = resolved with { Texts = values };
                    break;
                case AudienceValueType.YesNo:
                    if (raw.Count == 1)
                    {
                        if (YesNo(raw[0]) is { } flag)
                        {
                            resolved = resolved with { Flag = flag };
                            values.Add(flag ? "yes" : "no");
                        }
                        else
                            Fail($"'{field.Label}' needs yes or no, got '{raw[0]}'.");
                    }
                    break;
                default:
                    Fail($"'{field.Label}' has a value type ({field.ValueType}) this version cannot evaluate.");
                    break;
            }

            string? argument = null;
            if (field.ArgumentLabel is not null)
            {
                var category = string.IsNullOrWhiteSpace(condition.Argument)
                    ? null
                    : reference.Categories.FirstOrDefault(c => string.Equals(c.Code, condition.Argument.Trim(), StringComparison.OrdinalIgnoreCase)
                        || string.Equals(c.Name, condition.Argument.Trim(), StringComparison.OrdinalIgnoreCase));
                if (string.IsNullOrWhiteSpace(condition.Argument))
                    Fail($"'{field.Label}' needs a category.");
                else if (category is null)
                    Fail($"unknown category '{condition.Argument}'.");
                else
                {
                    resolved = resolved with { CategoryId = category.Id };
                    argument = category.Code;
                }
            }

            var normalised = condition with
            {
                Field = field.Key,
                Value = condition.Operator == AudienceOperator.IsOneOf ? null : values.FirstOrDefault() ?? condition.Value,
                Values = condition.Operator == AudienceOperator.IsOneOf ? values : null,
                Argument = field.ArgumentLabel is null ? null : argument ?? condition.Argument,
            };
            return (Problems.Count == problemsBefore ? resolved : null, normalised);
        }

        private static decimal? Number(AudienceField field, string text, Action<string> fail)
        {
            var kind = field.ValueType switch
            {
                AudienceValueType.WholeNumber => "a whole number",
                AudienceValueType.Percent => "a percentage",
                _ => "a number",
            };
            if (!decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var value))
            {
                fail($"'{field.Label}' needs {kind}, got '{text}'.");
                return null;
            }
            if (field.ValueType == AudienceValueType.WholeNumber && value != decimal.Truncate(value))
            {
                fail($"'{field.Label}' needs a whole number, got '{text}'.");
                return null;
            }
            // Money and percentages reach SQL Server as decimal(18,2) parameters; more decimals would be rounded silently.
            if (value != decimal.Round(value, 2))
            {
                fail($"'{field.Label}' takes at most two decimals, got '{text}'.");
                return null;
            }
            var minimum = field.Minimum ?? 0;
            if (value < minimum || (field.Maximum is { } maximum && value > maximum))
            {
                fail(field.Maximum is { } max
                    ? $"'{field.Label}' runs from {minimum} to {max}, not {text}."
                    : $"'{field.Label}' cannot be below {minimum}, got {text}.");
                return null;
            }
            return value;
        }

        private static bool? YesNo(string text) => text.ToUpperInvariant() switch
        {
            "YES" or "TRUE" or "Y" or "1" => true,
            "NO" or "FALSE" or "N" or "0" => false,
            _ => null,
        };
    }
}

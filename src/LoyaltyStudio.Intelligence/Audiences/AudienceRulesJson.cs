using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// Writes and reads <see cref="AudienceRules"/> as the JSON kept in <c>SavedAudience.RulesJson</c>. Text that is not in
/// this format is refused with a plain message saying what is wrong and where, never the JSON library's own wording
/// (which names .NET types).
/// </summary>
public static partial class AudienceRulesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly string[] RulesEntries = ["version", "root"];
    private static readonly string[] GroupEntries = ["match", "conditions", "groups"];
    private static readonly string[] ConditionEntries = ["field", "operator", "value", "values", "argument"];

    /// <summary>The rules as compact JSON, e.g. <c>{"version":1,"root":{"match":"all","conditions":[...],"groups":[]}}</c>.</summary>
    public static string Write(AudienceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules, Options);
    }

    /// <summary>Reads rules written by <see cref="Write"/>; anything else fails with a message saying what is wrong.</summary>
    public static AudienceRules Read(string json) => Read(json, audienceName: null);

    /// <summary>
    /// Reads the rules of the saved audience <paramref name="audienceName"/>; anything else fails with
    /// "Audience '<paramref name="audienceName"/>' is stored in a format this version cannot read: ...".
    /// </summary>
    public static AudienceRules Read(string json, string? audienceName)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw Unreadable(audienceName, "it has no rules (the stored text is empty)");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Unreadable(audienceName, $"the stored text is not JSON (line {e.LineNumber + 1}, character {e.BytePositionInLine + 1})", e);
        }
        using (document)
        {
            var problem = StructureProblem(document.RootElement);
            if (problem is not null)
                throw Unreadable(audienceName, problem);
            AudienceRules? rules;
            try
            {
                rules = document.RootElement.Deserialize<AudienceRules>(Options);
            }
            catch (JsonException e)
            {
                throw Unreadable(audienceName, ValueProblem(document.RootElement, e.Path), e);
            }
            if (rules is null)
                throw Unreadable(audienceName, "it holds no rules (null)");
            if (rules.Version <= 0)
                throw Unreadable(audienceName, "it carries no version number, so it was not saved by the audience builder");
            if (rules.Version > AudienceRules.CurrentVersion)
                throw Unreadable(audienceName,
                    $"it was saved in format version {rules.Version} by a newer LoyaltyStudio; this version reads up to version {AudienceRules.CurrentVersion}");
            return rules;
        }
    }

    private static AudienceRulesException Unreadable(string? audienceName, string what, Exception? cause = null)
    {
        var message = audienceName is null
            ? $"These audience rules are stored in a format this version cannot read: {what}."
            : $"Audience '{audienceName}' is stored in a format this version cannot read: {what}.";
        return cause is null ? new AudienceRulesException(message) : new AudienceRulesException(message, cause);
    }

    // Entries the format does not have, found before deserializing so that the message can name them.
    private static string? StructureProblem(JsonElement rules)
    {
        if (rules.ValueKind == JsonValueKind.Null)
            return "it holds no rules (null)";
        if (rules.ValueKind != JsonValueKind.Object)
            return $"it holds {Kind(rules)} where an object with a version and a root group belongs";
        if (Find(rules, "rules") is not null && Find(rules, "version") is null)
            return "it is a flat list of rules ('rules', 'sample'), a format older than version 1; open it in the audience builder and save it again";
        return UnknownEntry(rules, "", RulesEntries)
            ?? (Find(rules, "root") is { ValueKind: JsonValueKind.Object } root ? GroupProblem(root, "root") : null);
    }

    private static string? GroupProblem(JsonElement group, string path)
    {
        var unknown = UnknownEntry(group, path, GroupEntries);
        if (unknown is not null)
            return unknown;
        if (Find(group, "conditions") is { ValueKind: JsonValueKind.Array } conditions)
        {
            var i = 0;
            foreach (var condition in conditions.EnumerateArray())
            {
                if (condition.ValueKind == JsonValueKind.Object && UnknownEntry(condition, $"{path}.conditions[{i}]", ConditionEntries) is { } problem)
                    return problem;
                i++;
            }
        }
        if (Find(group, "groups") is { ValueKind: JsonValueKind.Array } groups)
        {
            var i = 0;
            foreach (var subgroup in groups.EnumerateArray())
            {
                if (subgroup.ValueKind == JsonValueKind.Object && GroupProblem(subgroup, $"{path}.groups[{i}]") is { } problem)
                    return problem;
                i++;
            }
        }
        return null;
    }

    private static string? UnknownEntry(JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                return $"{(path.Length == 0 ? "it" : $"'{path}'")} has an entry '{property.Name}' that the format does not have (it has {string.Join(", ", known.Select(k => $"'{k}'"))})";
        }
        return null;
    }

    // The serializer reports where it stopped as a JSON path ($.root.conditions[0].operator); the message shows that
    // place and its value and says what belongs there.
    private static string ValueProblem(JsonElement rules, string? path)
    {
        var where = string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (where.Length == 0)
            return "its values do not fit the format";
        var last = Segments(where).LastOrDefault(m => m.Groups["name"].Success)?.Groups["name"].Value ?? "";
        var expected = last.ToUpperInvariant() switch
        {
            "MATCH" => "'all' or 'any'",
            "OPERATOR" => $"one of {string.Join(", ", Enum.GetValues<AudienceOperator>().Select(o => $"'{JsonNamingPolicy.CamelCase.ConvertName(o.ToString())}'"))}",
            "VERSION" => "a whole number",
            "FIELD" or "VALUE" or "ARGUMENT" => "text",
            "VALUES" => "a list of texts",
            "CONDITIONS" => "a list of conditions",
            "GROUPS" => "a list of groups",
            "ROOT" => "a group",
            _ => "what the format expects there",
        };
        var value = At(rules, where);
        return value is { } found
            ? $"'{where}' holds {Show(found)}, which is not {expected}"
            : $"'{where}' is not {expected}";
    }

    private static JsonElement? At(JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in Segments(path))
        {
            if (segment.Groups["name"].Success && segment.Groups["name"].Value.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || Find(current, segment.Groups["name"].Value) is not { } next)
                    return null;
                current = next;
            }
            if (segment.Groups["index"].Success)
            {
                var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
        }
        return current;
    }

    private static JsonElement? Find(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => Kind(value),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "yes/no",
        JsonValueKind.Null => "nothing (null)",
        _ => "an unknown value",
    };

    private static IEnumerable<Match> Segments(string path) => PathSegment().Matches(path).Where(m => m.Length > 0);

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)?(\[(?<index>\d+)\])?\.?")]
    private static partial Regex PathSegment();
}

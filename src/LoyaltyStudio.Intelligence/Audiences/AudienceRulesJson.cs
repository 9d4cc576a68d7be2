using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>Writes and reads <see cref="AudienceRules"/> as the JSON kept in <c>SavedAudience.RulesJson</c>.</summary>
public static class AudienceRulesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The rules as compact JSON, e.g. <c>{"version":1,"root":{"match":"all","conditions":[...],"groups":[]}}</c>.</summary>
    public static string Write(AudienceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules, Options);
    }

    /// <summary>Reads rules written by <see cref="Write"/>; anything else fails with a message saying what is wrong.</summary>
    public static AudienceRules Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new AudienceRulesException("The audience has no rules.");
        AudienceRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<AudienceRules>(json, Options);
        }
        catch (JsonException e)
        {
            // The serializer's message names the JSON path and line, which is what someone fixing the text needs.
            throw new AudienceRulesException($"The audience rules are not in the audience builder's format: {e.Message}", e);
        }
        if (rules is null)
            throw new AudienceRulesException("The audience rules are empty (null).");
        if (rules.Version == 0)
            throw new AudienceRulesException("The audience rules carry no version number; they were not saved by the audience builder.");
        if (rules.Version > AudienceRules.CurrentVersion)
            throw new AudienceRulesException(
                $"The audience rules were saved in format version {rules.Version}; this version of LoyaltyStudio reads up to version {AudienceRules.CurrentVersion}.");
        return rules;
    }
}

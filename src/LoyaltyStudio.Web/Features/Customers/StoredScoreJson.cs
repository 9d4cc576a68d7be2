using System.Text.Json;

namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>
/// Reads the JSON a scoring run stores on each customer score (churn reasons, next-best offers) into what the profile
/// shows. Unreadable JSON yields nothing rather than breaking the profile: the numbers beside it are still true.
/// </summary>
internal static class StoredScoreJson
{
    /// <summary>The <c>sentence</c> of each stored churn reason, in stored (strongest first) order.</summary>
    public static IReadOnlyList<string> Sentences(string? json) =>
        Read(json, item => item.TryGetProperty("sentence", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);

    /// <summary>Each stored offer's title, reason and contactability, in ranked order.</summary>
    public static IReadOnlyList<OfferSuggestion> Offers(string? json) =>
        Read(json, item =>
            item.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            && item.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                ? new OfferSuggestion(title.GetString()!, reason.GetString()!,
                    !item.TryGetProperty("contactable", out var c) || c.ValueKind != JsonValueKind.False)
                : null);

    private static List<T> Read<T>(string? json, Func<JsonElement, T?> item) where T : class
    {
        var items = new List<T>();
        if (string.IsNullOrWhiteSpace(json))
            return items;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return items;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && item(element) is { } value)
                    items.Add(value);
            }
        }
        catch (JsonException)
        {
            items.Clear();
        }
        return items;
    }
}

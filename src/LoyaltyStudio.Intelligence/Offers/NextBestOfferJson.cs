using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>One candidate as stored in <c>CustomerScore.NextBestOffersJson</c>.</summary>
public sealed record NextBestOfferEntry(
    OfferCandidateKind Kind, string Title, string Reason, decimal ExpectedValue, decimal Cost, int? CategoryId, int? ProductId,
    bool Contactable);

/// <summary>The JSON form of a customer's ranked candidates: an array of objects with camel-case names, best first.</summary>
public static class NextBestOfferJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// <c>[{"kind":"favouriteCategory","title":…,"reason":…,"expectedValue":1.23,"cost":0.45,"categoryId":3,"contactable":true}, …]</c>;
    /// <c>categoryId</c> and <c>productId</c> only when the offer is on one.
    /// </summary>
    public static string Serialize(IEnumerable<OfferCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return JsonSerializer.Serialize(candidates.Select(c => new NextBestOfferEntry(c.Kind, c.Title, c.Reason, c.ExpectedValue, c.Cost,
            c.CategoryId, c.ProductId, c.Contactable)).ToList(), Options);
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    /// <exception cref="JsonException">The text is not such an array.</exception>
    public static IReadOnlyList<NextBestOfferEntry> Parse(string json) =>
        JsonSerializer.Deserialize<List<NextBestOfferEntry>>(json, Options)
        ?? throw new JsonException("The next-best-offer JSON is null; an empty list is written as [].");
}

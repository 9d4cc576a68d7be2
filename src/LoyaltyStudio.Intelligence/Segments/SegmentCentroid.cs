using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>One coordinate of a centroid: the feature, how it was transformed and standardised, and the standardised value.</summary>
public sealed record CentroidCoordinate(string Feature, FeatureTransform Transform, double Mean, double Deviation, double Value)
{
    /// <summary>The coordinate in transformed (not standardised) units, comparable across runs.</summary>
    [JsonIgnore]
    public double Transformed => (Value * Deviation) + Mean;
}

/// <summary>
/// A micro-segment's centre in the standardised feature space of the run that found it, carrying the scaler (mean
/// and deviation per feature) so that a later run with another scaler can bring it into its own space. This is what
/// the pipeline stores in <c>Segment.CentroidJson</c> and hands back as <see cref="PreviousSegment"/>.
/// </summary>
public sealed class SegmentCentroid
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public SegmentCentroid(IReadOnlyList<CentroidCoordinate> coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        foreach (var c in coordinates)
        {
            if (string.IsNullOrWhiteSpace(c.Feature))
                throw new ArgumentException("A centroid coordinate needs a feature name.", nameof(coordinates));
            if (!double.IsFinite(c.Mean) || !double.IsFinite(c.Value) || !double.IsFinite(c.Deviation) || c.Deviation <= 0)
                throw new ArgumentException(
                    $"Centroid coordinate '{c.Feature}' needs a finite mean and value and a positive deviation (mean {c.Mean}, deviation {c.Deviation}, value {c.Value}).",
                    nameof(coordinates));
        }
        if (coordinates.Select(c => c.Feature).Distinct(StringComparer.Ordinal).Count() != coordinates.Count)
            throw new ArgumentException("A centroid names each feature once.", nameof(coordinates));
        Coordinates = coordinates;
    }

    public IReadOnlyList<CentroidCoordinate> Coordinates { get; }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Coordinates.ToList()), Json);

    /// <summary>Reads a centroid written by <see cref="ToJson"/>; says what is wrong with text that is not one.</summary>
    public static SegmentCentroid FromJson(string json)
    {
        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A segment centroid's JSON cannot be read: {e.Message}", e);
        }
        if (stored?.Coordinates is not { Count: > 0 } coordinates)
            throw new FormatException("A segment centroid's JSON has no coordinates (expected {\"coordinates\":[{\"feature\":…,\"transform\":…,\"mean\":…,\"deviation\":…,\"value\":…}]}).");
        try
        {
            return new SegmentCentroid(coordinates);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"A segment centroid's JSON is not valid: {e.Message}", e);
        }
    }

    private sealed record Stored(List<CentroidCoordinate>? Coordinates);
}

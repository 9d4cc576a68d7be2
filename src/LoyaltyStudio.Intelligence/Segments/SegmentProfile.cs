using System.Text.Json;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// One feature of a segment against the whole population: the plain means (as the feature table holds them) and
/// the standardised difference, i.e. how many population standard deviations the segment's mean of the transformed
/// feature lies from the population's.
/// </summary>
public sealed record FeatureContrast(string Feature, double SegmentMean, double PopulationMean, double StandardisedDifference);

/// <summary>What sets a segment apart from the population, in numbers: size and every feature's contrast, most distinctive first.</summary>
public sealed class SegmentProfile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SegmentProfile(int members, int population, IEnumerable<FeatureContrast> contrasts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(population, Math.Max(1, members));
        ArgumentNullException.ThrowIfNull(contrasts);
        Members = members;
        Population = population;
        Contrasts = [.. contrasts
            .OrderByDescending(c => Math.Abs(c.StandardisedDifference))
            .ThenBy(c => c.Feature, StringComparer.Ordinal)];
    }

    public int Members { get; }

    public int Population { get; }

    /// <summary>Members as a share of the population (0–1).</summary>
    public double Share => (double)Members / Population;

    /// <summary>Every feature's contrast, largest absolute standardised difference first.</summary>
    public IReadOnlyList<FeatureContrast> Contrasts { get; }

    /// <summary>The features that set the segment apart most.</summary>
    public IEnumerable<FeatureContrast> Top(int count) => Contrasts.Take(count);

    /// <summary>The contrast of one feature, or null when the profile has none for it.</summary>
    public FeatureContrast? Of(string feature) => Contrasts.FirstOrDefault(c => c.Feature == feature);

    /// <summary>The profile as JSON (for <c>Segment.ProfileJson</c> and the run's snapshot).</summary>
    public string ToJson() => JsonSerializer.Serialize(new { Members, Population, Share, Contrasts }, Json);
}

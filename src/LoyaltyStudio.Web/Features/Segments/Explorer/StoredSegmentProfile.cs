using System.Globalization;
using System.Text.Json;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Web.Features.Segments.Explorer;

/// <summary>Reads a stored segment profile (<see cref="SegmentProfile.ToJson"/>) back into worded contrasts.</summary>
public static class StoredSegmentProfile
{
    /// <summary>How many features the profile chart shows.</summary>
    public const int ContrastsShown = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The most distinctive contrasts of the profile; none for "{}", a profile without contrasts, or unreadable JSON.</summary>
    public static IReadOnlyList<SegmentContrast> Contrasts(string? profileJson, int count = ContrastsShown)
    {
        if (string.IsNullOrWhiteSpace(profileJson))
            return [];
        StoredProfile? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredProfile>(profileJson, Json);
        }
        catch (JsonException)
        {
            // A profile written by an older version the page cannot read is shown as "no profile", not as an error page.
            return [];
        }
        return [.. (stored?.Contrasts ?? [])
            .Where(c => !string.IsNullOrEmpty(c.Feature) && double.IsFinite(c.StandardisedDifference))
            .OrderByDescending(c => Math.Abs(c.StandardisedDifference)).ThenBy(c => c.Feature, StringComparer.Ordinal)
            .Take(count)
            .Select(c => new SegmentContrast(c.Feature, Label(c.Feature),
                FeatureWording.Phrase(new FeatureContrast(c.Feature, c.SegmentMean, c.PopulationMean, c.StandardisedDifference), CultureInfo.CurrentCulture),
                c.SegmentMean, c.PopulationMean, c.StandardisedDifference))];
    }

    /// <summary>A short name for a feature, as an axis label.</summary>
    public static string Label(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Length == 0)
            return "Feature";
        if (feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
        {
            var word = FeatureWording.CategoryWord(feature);
            return word.Length == 0 ? "Category share" : char.ToUpperInvariant(word[0]) + word[1..] + " share";
        }
        return feature switch
        {
            FeatureNames.RecencyDays => "Days since last purchase",
            FeatureNames.Orders365 => "Orders a year",
            FeatureNames.Spend365 => "Spend a year",
            FeatureNames.TenureDays => "Days as member",
            FeatureNames.GapMeanDays => "Days between orders",
            FeatureNames.OrdersTrend => "Order trend",
            FeatureNames.ChannelShareOnline => "Online share",
            FeatureNames.ChannelShareApp => "App share",
            FeatureNames.ChannelShareStore => "Store share",
            FeatureNames.DiscountShare => "Discount share",
            FeatureNames.Redemptions365 => "Point redemptions",
            FeatureNames.AppOpens28 => "App opens (4 weeks)",
            FeatureNames.Browsing28 => "Browsing (4 weeks)",
            FeatureNames.SupportContacts365 => "Support contacts",
            FeatureNames.OfferResponseRate => "Offer response",
            _ => char.ToUpperInvariant(feature[0]) + feature[1..].Replace('_', ' '),
        };
    }

    private sealed record StoredProfile(List<StoredContrast>? Contrasts);

    private sealed record StoredContrast(string Feature, double SegmentMean, double PopulationMean, double StandardisedDifference);
}

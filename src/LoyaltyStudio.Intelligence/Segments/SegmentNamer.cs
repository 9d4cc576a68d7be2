using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>A generated segment name and one-sentence description.</summary>
public sealed record SegmentName(string Name, string Description);

/// <summary>
/// Names a segment from its profile with a small grammar: [lifecycle] [channel] [category] noun, keeping the two
/// strongest of the three qualifiers, e.g. "App-first coffee regulars", "Lapsing discount seekers", "New store shoppers".
/// Standardised differences (z) decide every word:
/// <list type="bullet">
/// <item>lifecycle: "Lapsing" (recency z ≥ 0.75), "New" (tenure z ≤ −0.75), "Growing" / "Cooling" (order trend z ≥ 0.75 / ≤ −0.75); the strongest;</item>
/// <item>channel: "app-first", "online" or "store" when that channel's share is at least 50 % and its z ≥ 0.5; the strongest;</item>
/// <item>category: the category share with the highest z, when z ≥ 0.5;</item>
/// <item>noun, the strongest of: "discount seekers" (discount z ≥ 0.75), "reward redeemers" (redemptions z ≥ 0.75),
/// "big spenders" (spend z ≥ 0.75 and above the orders z), "regulars" (orders z ≥ 0.5), "browsers" (browsing z ≥ 0.75
/// with orders below average), "occasional shoppers" (orders z ≤ −0.5); otherwise "shoppers".</item>
/// </list>
/// The description names the segment's share of customers and the two features that set it apart most, with their
/// means against the population's.
/// </summary>
public static class SegmentNamer
{
    private const double Strong = 0.75;
    private const double Clear = 0.5;

    /// <summary>
    /// Names every segment, unique within the run: when two come out the same, the later one (in the given order)
    /// takes its third qualifier too, and if that still clashes, its short name takes a number ("Store shoppers 2").
    /// </summary>
    public static IReadOnlyList<SegmentName> NameAll(IReadOnlyList<SegmentProfile> profiles, CultureInfo? money = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<SegmentName>(profiles.Count);
        foreach (var profile in profiles)
        {
            var shortName = Name(profile, qualifiers: 2);
            var name = taken.Contains(shortName) ? Name(profile, qualifiers: 3) : shortName;
            for (var n = 2; taken.Contains(name); n++)
                name = $"{shortName} {n.ToString(CultureInfo.InvariantCulture)}";
            taken.Add(name);
            names.Add(new SegmentName(name, Describe(profile, money)));
        }
        return names;
    }

    /// <summary>The name of one segment, from at most <paramref name="qualifiers"/> qualifiers and a noun.</summary>
    public static string Name(SegmentProfile profile, int qualifiers = 2)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var candidates = new List<(int Order, string Word, double Strength)>();
        if (Lifecycle(profile) is { } lifecycle)
            candidates.Add((0, lifecycle.Word, lifecycle.Strength));
        if (Channel(profile) is { } channel)
            candidates.Add((1, channel.Word, channel.Strength));
        if (Category(profile) is { } category)
            candidates.Add((2, category.Word, category.Strength));
        var words = candidates
            .OrderByDescending(c => c.Strength)
            .Take(qualifiers)
            .OrderBy(c => c.Order)
            .Select(c => c.Word)
            .Append(Noun(profile));
        var name = string.Join(' ', words);
        return char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..];
    }

    /// <summary>One sentence: the segment's share of customers and its two most distinctive features in numbers.</summary>
    public static string Describe(SegmentProfile profile, CultureInfo? money = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var share = (profile.Share * 100).ToString(profile.Share >= 0.1 ? "0" : "0.#", CultureInfo.InvariantCulture);
        var phrases = profile.Top(2).Select(c => FeatureWording.Phrase(c, money)).ToList();
        return phrases.Count == 0
            ? $"{share} % of customers."
            : $"{share} % of customers, with {string.Join(" and ", phrases)} across all customers.";
    }

    private static (string Word, double Strength)? Lifecycle(SegmentProfile profile)
    {
        var options = new List<(string Word, double Strength)>();
        if (Z(profile, FeatureNames.RecencyDays) is >= Strong and var lapsing)
            options.Add(("lapsing", lapsing));
        if (Z(profile, FeatureNames.TenureDays) is <= -Strong and var fresh)
            options.Add(("new", -fresh));
        if (Z(profile, FeatureNames.OrdersTrend) is var trend and (>= Strong or <= -Strong))
            options.Add((trend > 0 ? "growing" : "cooling", Math.Abs(trend)));
        return Strongest(options);
    }

    private static (string Word, double Strength)? Channel(SegmentProfile profile)
    {
        var options = new List<(string Word, double Strength)>();
        foreach (var (feature, word) in new[]
        {
            (FeatureNames.ChannelShareApp, "app-first"),
            (FeatureNames.ChannelShareOnline, "online"),
            (FeatureNames.ChannelShareStore, "store"),
        })
        {
            if (profile.Of(feature) is { SegmentMean: >= 0.5, StandardisedDifference: >= Clear } c)
                options.Add((word, c.StandardisedDifference));
        }
        return Strongest(options);
    }

    private static (string Word, double Strength)? Category(SegmentProfile profile) => Strongest(profile.Contrasts
        .Where(c => c.Feature.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal) && c.StandardisedDifference >= Clear)
        .Select(c => (FeatureWording.CategoryWord(c.Feature), c.StandardisedDifference)));

    private static string Noun(SegmentProfile profile)
    {
        var orders = Z(profile, FeatureNames.Orders365);
        var spend = Z(profile, FeatureNames.Spend365);
        var options = new List<(string Word, double Strength)>();
        if (Z(profile, FeatureNames.DiscountShare) is >= Strong and var discount)
            options.Add(("discount seekers", discount));
        if (Z(profile, FeatureNames.Redemptions365) is >= Strong and var redemptions)
            options.Add(("reward redeemers", redemptions));
        if (spend >= Strong && spend > orders)
            options.Add(("big spenders", spend));
        if (orders >= Clear)
            options.Add(("regulars", orders));
        if (Z(profile, FeatureNames.Browsing28) is >= Strong and var browsing && orders < 0)
            options.Add(("browsers", browsing));
        if (orders <= -Clear)
            options.Add(("occasional shoppers", -orders));
        return Strongest(options)?.Word ?? "shoppers";
    }

    // Ties go to the earlier option, so the grammar's order decides and the answer never depends on a sort's whim.
    private static (string Word, double Strength)? Strongest(IEnumerable<(string Word, double Strength)> options)
    {
        (string Word, double Strength)? best = null;
        foreach (var option in options)
        {
            if (best is null || option.Strength > best.Value.Strength)
                best = option;
        }
        return best;
    }

    private static double Z(SegmentProfile profile, string feature) => profile.Of(feature)?.StandardisedDifference ?? 0;
}

using System.Diagnostics.CodeAnalysis;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>What a churn cohort groups customers by.</summary>
public enum ChurnCohortDimension
{
    /// <summary>Every scored customer.</summary>
    All = 0,

    /// <summary>Months since signing up, counted from today, in <see cref="TenureBand.All"/>.</summary>
    Tenure = 1,

    /// <summary>The behavioural micro-segment of the current run.</summary>
    MicroSegment = 2,

    /// <summary>The loyalty tier held today.</summary>
    Tier = 3,

    /// <summary>The channel the customer signed up through.</summary>
    Channel = 4,
}

/// <summary>
/// One cohort: a dimension and a key within it (a tenure band key, a micro-segment key or <see cref="NoSegmentKey"/>,
/// a tier code, a channel name; empty for <see cref="ChurnCohortDimension.All"/>). It travels in the address as
/// <c>?by=tier&amp;key=GOLD</c>.
/// </summary>
public sealed record ChurnCohort(ChurnCohortDimension Dimension, string Key)
{
    /// <summary>The key of the customers the current run put in no micro-segment.</summary>
    public const string NoSegmentKey = "none";

    /// <summary>Every scored customer.</summary>
    public static ChurnCohort Everyone { get; } = new(ChurnCohortDimension.All, "");

    /// <summary>The <c>by</c> value of the address.</summary>
    public string By => Dimension switch
    {
        ChurnCohortDimension.Tenure => "tenure",
        ChurnCohortDimension.MicroSegment => "segment",
        ChurnCohortDimension.Tier => "tier",
        ChurnCohortDimension.Channel => "channel",
        _ => "all",
    };

    /// <summary>The relative address of the cohort's member page, optionally with a band filter.</summary>
    public string Href(Domain.Scoring.ChurnRiskBand? band = null) =>
        $"churn/cohort?by={By}&key={Uri.EscapeDataString(Key)}" + (band is { } b ? $"&band={b}" : "");

    /// <summary>
    /// Reads a cohort from the address. Checks only the shape (known dimension, a known tenure band or channel);
    /// whether a tier or segment exists is for the service to say.
    /// </summary>
    public static bool TryParse(string? by, string? key, [NotNullWhen(true)] out ChurnCohort? cohort, [NotNullWhen(false)] out string? problem)
    {
        cohort = null;
        key = key?.Trim() ?? "";
        switch ((by ?? "").Trim().ToUpperInvariant())
        {
            case "" or "ALL":
                cohort = Everyone;
                break;
            case "TENURE":
                var band = TenureBand.Find(key);
                if (band is null)
                {
                    problem = $"'{key}' is not a tenure band; the bands are {string.Join(", ", TenureBand.All.Select(b => b.Key))}.";
                    return false;
                }
                cohort = new ChurnCohort(ChurnCohortDimension.Tenure, band.Key);
                break;
            case "SEGMENT":
                if (key.Length == 0)
                {
                    problem = "Name a micro-segment, e.g. key=micro:3, or key=none for customers in no segment.";
                    return false;
                }
                cohort = new ChurnCohort(ChurnCohortDimension.MicroSegment, key);
                break;
            case "TIER":
                if (key.Length == 0)
                {
                    problem = "Name a tier code, e.g. key=GOLD.";
                    return false;
                }
                cohort = new ChurnCohort(ChurnCohortDimension.Tier, key.ToUpperInvariant());
                break;
            case "CHANNEL":
                if (!Enum.TryParse<SalesChannel>(key, ignoreCase: true, out var channel) || !Enum.IsDefined(channel) || int.TryParse(key, out _))
                {
                    problem = $"'{key}' is not a channel; the channels are {string.Join(", ", Enum.GetNames<SalesChannel>())}.";
                    return false;
                }
                cohort = new ChurnCohort(ChurnCohortDimension.Channel, channel.ToString());
                break;
            default:
                problem = $"Cohorts are by tenure, segment, tier or channel, not '{by}'.";
                return false;
        }
        problem = null;
        return true;
    }
}

/// <summary>
/// A band of membership length: customers who signed up at least <see cref="FromMonths"/> and less than
/// <see cref="ToMonths"/> months before today (signup date in (today − To, today − From]). The first band also holds
/// signup dates after today; the last has no upper end. The same comparisons as the audience field "Member for (months)".
/// </summary>
public sealed record TenureBand(string Key, string Label, int FromMonths, int? ToMonths)
{
    /// <summary>The bands, shortest membership first.</summary>
    public static IReadOnlyList<TenureBand> All { get; } =
    [
        new("0-3", "Under 3 months", 0, 3),
        new("3-6", "3–6 months", 3, 6),
        new("6-12", "6–12 months", 6, 12),
        new("12-18", "12–18 months", 12, 18),
        new("18-24", "18–24 months", 18, 24),
        new("24-36", "2–3 years", 24, 36),
        new("36+", "3 years or more", 36, null),
    ];

    /// <summary>The band with this key, or null.</summary>
    public static TenureBand? Find(string? key) => All.FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The position of a band in <see cref="All"/>.</summary>
    public int Index => All.ToList().IndexOf(this);
}

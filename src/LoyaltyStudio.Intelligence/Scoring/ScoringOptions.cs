using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>How scoring runs and training work; the defaults make the embedded demo work.</summary>
public sealed class ScoringOptions
{
    /// <summary>A customer churned when they made no purchase in this many days after the cut-off.</summary>
    public int HorizonDays { get; set; } = 90;

    /// <summary>Churn score from which a customer is Medium risk (1–100).</summary>
    public int MediumRiskFrom { get; set; } = ChurnRiskThresholds.Default.MediumFrom;

    /// <summary>Churn score from which a customer is High risk.</summary>
    public int HighRiskFrom { get; set; } = ChurnRiskThresholds.Default.HighFrom;

    /// <summary>Days per period of the BG/NBD summary (7 = weeks).</summary>
    public double LifetimePeriodDays { get; set; } = 7;

    /// <summary>Months of lifetime value predicted (and of expected purchases).</summary>
    public int LifetimeMonths { get; set; } = 12;

    /// <summary>Discount rate per month applied to the lifetime value.</summary>
    public double MonthlyDiscountRate { get; set; } = 0.01;

    /// <summary>Reasons kept per risky customer.</summary>
    public int ReasonsPerCustomer { get; set; } = 3;

    public ChurnRiskThresholds Thresholds => new(MediumRiskFrom, HighRiskFrom);

    /// <summary>The lifetime-value horizon in summary periods.</summary>
    public ClvHorizon Horizon => new(LifetimeMonths, 365.25 / 12 / LifetimePeriodDays, MonthlyDiscountRate);

    /// <summary>The configuration section these settings are read from (<c>Scoring:HorizonDays</c>, <c>Scoring:HighRiskFrom</c>, …).</summary>
    public const string Section = "Scoring";

    /// <summary>The setting whose culture the reasons' money and percentages are written in, as on every page.</summary>
    public const string CultureSetting = "Display:Culture";

    /// <summary>
    /// The culture (a name such as <c>en-US</c> or <c>de-DE</c>) the churn reasons write money and percentages in; the web
    /// app and <c>loyalty</c> fill it from <see cref="CultureSetting"/>, so stored sentences read like the pages around them.
    /// </summary>
    public string ReasonCulture { get; set; } = "en-US";

    /// <summary>The culture named by <see cref="ReasonCulture"/>.</summary>
    public System.Globalization.CultureInfo ReasonCultureInfo => System.Globalization.CultureInfo.GetCultureInfo(ReasonCulture, predefinedOnly: true);

    /// <summary>Fills <see cref="ReasonCulture"/> from <see cref="CultureSetting"/> when that is set.</summary>
    public ScoringOptions UseDisplayCulture(string? displayCulture)
    {
        if (!string.IsNullOrWhiteSpace(displayCulture))
            ReasonCulture = displayCulture.Trim();
        return this;
    }

    /// <summary>The problems with these settings, each naming the setting; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        try
        {
            Validate();
            return [];
        }
        catch (Exception e) when (e is ArgumentException or Domain.Common.DomainException)
        {
            var message = e is ArgumentOutOfRangeException range ? range.Message.Split(Environment.NewLine)[0] : e.Message;
            var named = message.StartsWith("Scoring:", StringComparison.Ordinal) || message.StartsWith(CultureSetting, StringComparison.Ordinal);
            return [named ? message : "Scoring:MediumRiskFrom/HighRiskFrom: " + message];
        }
    }

    /// <summary>Fails naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (HorizonDays is < 1 or > 730)
            throw new ArgumentOutOfRangeException(nameof(HorizonDays), HorizonDays, "Scoring:HorizonDays must lie between 1 and 730.");
        _ = Thresholds;
        if (!(LifetimePeriodDays > 0) || LifetimePeriodDays > 365)
            throw new ArgumentOutOfRangeException(nameof(LifetimePeriodDays), LifetimePeriodDays, "Scoring:LifetimePeriodDays must lie in (0, 365].");
        if (LifetimeMonths is < 1 or > 120)
            throw new ArgumentOutOfRangeException(nameof(LifetimeMonths), LifetimeMonths, "Scoring:LifetimeMonths must lie between 1 and 120.");
        Horizon.Validate();
        if (ReasonsPerCustomer is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(ReasonsPerCustomer), ReasonsPerCustomer, "Scoring:ReasonsPerCustomer must lie between 0 and 10.");
        try
        {
            _ = ReasonCultureInfo;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            throw new ArgumentException($"{CultureSetting} '{ReasonCulture}' is not a culture this machine knows (try en-US, en-GB, de-DE, fr-FR).", nameof(ReasonCulture));
        }
    }
}

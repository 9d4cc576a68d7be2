using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>The fixed list of fields audience conditions can test; the audience builder draws its editor from it.</summary>
public static class AudienceFieldCatalog
{
    public const string RiskBand = "riskBand";
    public const string ChurnScore = "churnScore";
    public const string LifetimeValue = "clv";
    public const string MicroSegment = "microSegment";
    public const string RfmSegment = "rfmSegment";
    public const string Tier = "tier";
    public const string Region = "region";
    public const string AgeBand = "ageBand";
    public const string SignupChannel = "signupChannel";
    public const string MemberForMonths = "memberForMonths";
    public const string BoughtInChannel = "boughtInChannel";
    public const string LastPurchaseDaysAgo = "lastPurchaseDaysAgo";
    public const string CategoryAffinity = "categoryAffinity";
    public const string EmailConsent = "consentEmail";
    public const string SmsConsent = "consentSms";
    public const string PushConsent = "consentPush";
    public const string ProfilingConsent = "consentProfiling";

    /// <summary>How many days of spend a category affinity looks back over.</summary>
    public const int AffinityWindowDays = 365;

    private static readonly AudienceOperator[] Membership = [AudienceOperator.Is, AudienceOperator.IsNot, AudienceOperator.IsOneOf];
    private static readonly AudienceOperator[] Comparison = [AudienceOperator.GreaterThan, AudienceOperator.AtLeast, AudienceOperator.LessThan, AudienceOperator.AtMost];
    private static readonly AudienceOperator[] YesNo = [AudienceOperator.Is];

    private const string ProfileNote = " Only customers who consented to profiling can match.";

    /// <summary>Every field, in the order the builder lists them.</summary>
    public static IReadOnlyList<AudienceField> Fields { get; } =
    [
        new(RiskBand, "Churn risk band", AudienceValueType.Choice, Membership, IsProfile: true,
            "The band of the churn score in the current scoring run." + ProfileNote)
        { Choices = Enum.GetNames<ChurnRiskBand>() },
        new(ChurnScore, "Churn score", AudienceValueType.WholeNumber, [AudienceOperator.Is, .. Comparison], IsProfile: true,
            "Churn risk from 0 (safe) to 100 in the current scoring run." + ProfileNote)
        { Minimum = 0, Maximum = 100 },
        new(LifetimeValue, "CLV", AudienceValueType.Amount, Comparison, IsProfile: true,
            "Predicted customer lifetime value in the current scoring run." + ProfileNote),
        new(MicroSegment, "Micro-segment", AudienceValueType.MicroSegment, Membership, IsProfile: true,
            "The behavioural micro-segment in the current scoring run." + ProfileNote),
        new(RfmSegment, "RFM segment", AudienceValueType.RfmSegment, Membership, IsProfile: true,
            "The named RFM segment (Champions, At risk...) in the current scoring run." + ProfileNote),
        new(Tier, "Tier", AudienceValueType.Tier, Membership, IsProfile: false, "The customer's loyalty tier today."),
        new(Region, "Region", AudienceValueType.Region, Membership, IsProfile: false, "Where the customer lives."),
        new(AgeBand, "Age band", AudienceValueType.Choice, Membership, IsProfile: false, "The customer's age group.")
        { Choices = Enum.GetNames<AgeBand>() },
        new(SignupChannel, "Signup channel", AudienceValueType.Choice, Membership, IsProfile: false,
            "The channel the customer joined the programme through.")
        { Choices = Enum.GetNames<SalesChannel>() },
        new(MemberForMonths, "Member for (months)", AudienceValueType.WholeNumber, Comparison, IsProfile: false,
            "Whole months since the customer signed up, counted from now: 'less than 3' selects those who joined in the last 3 months.")
        { Minimum = 0, Maximum = 1200 },
        new(BoughtInChannel, "Bought in channel", AudienceValueType.Choice, [AudienceOperator.Is, AudienceOperator.IsNot], IsProfile: false,
            "'is' matches customers with at least one order through the channel; 'is not', customers with none.")
        { Choices = Enum.GetNames<SalesChannel>() },
        new(LastPurchaseDaysAgo, "Last purchase (days ago)", AudienceValueType.WholeNumber, Comparison, IsProfile: false,
            "Days since the customer's latest order, counted from now. Customers who never ordered match no such condition.")
        { Minimum = 0, Maximum = 36500 },
        new(CategoryAffinity, "Category affinity (% of spend)", AudienceValueType.Percent, Comparison, IsProfile: true,
            $"Share of the customer's spend over the last {AffinityWindowDays} days that went to the category. " +
            "Customers who spent nothing in that time match no such condition." + ProfileNote)
        { ArgumentLabel = "Category", Minimum = 0, Maximum = 100 },
        new(EmailConsent, "Consent: e-mail", AudienceValueType.YesNo, YesNo, IsProfile: false, "Agreed to marketing by e-mail."),
        new(SmsConsent, "Consent: SMS", AudienceValueType.YesNo, YesNo, IsProfile: false, "Agreed to marketing by SMS."),
        new(PushConsent, "Consent: push", AudienceValueType.YesNo, YesNo, IsProfile: false, "Agreed to push notifications."),
        new(ProfilingConsent, "Consent: profiling", AudienceValueType.YesNo, YesNo, IsProfile: false,
            "Agreed to be scored and segmented by our models."),
    ];

    private static readonly Dictionary<string, AudienceField> ByKey = Fields.ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field with this key (any letter case), or null.</summary>
    public static AudienceField? Find(string? key) => key is not null && ByKey.TryGetValue(key, out var field) ? field : null;

    /// <summary>How an operator reads in the builder and in messages.</summary>
    public static string Label(AudienceOperator op) => op switch
    {
        AudienceOperator.Is => "is",
        AudienceOperator.IsNot => "is not",
        AudienceOperator.IsOneOf => "is one of",
        AudienceOperator.GreaterThan => ">",
        AudienceOperator.AtLeast => "≥",
        AudienceOperator.LessThan => "<",
        AudienceOperator.AtMost => "≤",
        _ => op.ToString(),
    };
}

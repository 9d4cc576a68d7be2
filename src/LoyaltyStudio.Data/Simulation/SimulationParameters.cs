using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// The generative parameters of the behavioural simulator, with defaults for a coffee-and-grocery loyalty
/// programme. The time unit is the <b>day</b>: purchase rates are purchases per day. The whole object is written
/// as JSON (stable names below) into <c>SimulatedDataset.ParametersJson</c>, so model tests can check recovery.
/// </summary>
/// <remarks>
/// Defaults and why: λ ~ Gamma(r = 0.75, α = 20 days) gives a mean of 0.0375 purchases a day (about one a month,
/// 14 a year) with the long right tail of a few daily regulars; p ~ Beta(a = 0.8, b = 5) gives a mean drop-out
/// chance of 14 % per repeat purchase (about seven repeat purchases in an average lifetime), skewed so that many
/// customers stay for long. Spend: ν ~ Gamma(q = 4, γ = 7.5) and z ~ Gamma(p = 6, ν), so the mean order is
/// p·γ/(q−1) = €15, with customer means spread between about €5 and €40.
/// </remarks>
public sealed class SimulationParameters
{
    /// <summary>BG/NBD: shape of the Gamma distribution of purchase rates λ.</summary>
    [JsonPropertyName("r")] public double R { get; set; } = 0.75;

    /// <summary>BG/NBD: rate (in days) of the Gamma distribution of purchase rates λ; mean λ = r/α per day.</summary>
    [JsonPropertyName("alpha")] public double Alpha { get; set; } = 20;

    /// <summary>BG/NBD: first shape of the Beta distribution of the drop-out probability p.</summary>
    [JsonPropertyName("a")] public double A { get; set; } = 0.8;

    /// <summary>BG/NBD: second shape of the Beta distribution of the drop-out probability p.</summary>
    [JsonPropertyName("b")] public double B { get; set; } = 5;

    /// <summary>Gamma-Gamma: shape of the order value z ~ Gamma(p, rate ν).</summary>
    [JsonPropertyName("p")] public double P { get; set; } = 6;

    /// <summary>Gamma-Gamma: shape of the customer's spend rate ν ~ Gamma(q, rate γ); must exceed 1 for a finite mean.</summary>
    [JsonPropertyName("q")] public double Q { get; set; } = 4;

    /// <summary>Gamma-Gamma: rate of ν ~ Gamma(q, γ).</summary>
    [JsonPropertyName("gamma")] public double Gamma { get; set; } = 7.5;

    /// <summary>
    /// Gamma-Gamma exactly: each order's gross value is its Gamma(p, ν) draw rounded to the cent (the lines' shelf prices
    /// are scaled by one factor per order to add up to it) instead of whole units at shelf prices that match the draw
    /// only in expectation. Off by default, and then left out of the JSON, so default data sets are unchanged.
    /// </summary>
    [JsonPropertyName("exactSpend")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ExactSpend { get; set; }

    /// <summary>The unit of λ and α; fixed, written for readers of the JSON.</summary>
    [JsonPropertyName("timeUnit")] public string TimeUnit { get; } = "day";

    /// <summary>Share of customers whose category preference shifts once, at a recorded moment.</summary>
    [JsonPropertyName("preferenceShiftShare")] public double PreferenceShiftShare { get; set; } = 0.1;

    /// <summary>Checkout step (1 = cart, 2 = address, 3 = payment) where most abandoned checkouts stop.</summary>
    [JsonPropertyName("checkoutDropOutStep")] public int CheckoutDropOutStep { get; set; } = 3;

    /// <summary>Days before becoming inactive over which app opens fade (linearly, to a tenth of their rate).</summary>
    [JsonPropertyName("engagementFadeDays")] public int EngagementFadeDays { get; set; } = 42;

    /// <summary>Chance of a support contact after a purchase.</summary>
    [JsonPropertyName("supportContactRate")] public double SupportContactRate { get; set; } = 0.05;

    /// <summary>
    /// Factor on p for the drop-out draw after a purchase followed by a bad support contact (unresolved or late).
    /// 1 keeps the purchase process exactly BG/NBD.
    /// </summary>
    [JsonPropertyName("badContactDropoutMultiplier")] public double BadContactDropoutMultiplier { get; set; } = 2;

    /// <summary>Number of past campaigns, spread over the period (those whose offer window does not fit are skipped).</summary>
    [JsonPropertyName("campaigns")] public int Campaigns { get; set; } = 4;

    /// <summary>Share of eligible customers (signed up, e-mail consent) drawn into each campaign's audience.</summary>
    [JsonPropertyName("campaignAudienceShare")] public double CampaignAudienceShare { get; set; } = 0.4;

    /// <summary>Share of each campaign's audience held out (randomised by <c>HoldoutAssignment.IsInHoldout</c>).</summary>
    [JsonPropertyName("holdoutShare")] public decimal HoldoutShare { get; set; } = 0.2m;

    /// <summary>Days an offer is valid after delivery: the window in which its effect is measured.</summary>
    [JsonPropertyName("offerWindowDays")] public int OfferWindowDays { get; set; } = 14;

    /// <summary>Share of customers who are persuadable, sure things, lost causes and do-not-disturbs (before the tilt by λ).</summary>
    [JsonPropertyName("responseShares")] public double[] ResponseShares { get; set; } = [0.25, 0.3, 0.35, 0.1];

    /// <summary>Checks every parameter; the message names the parameter and why it is wrong.</summary>
    /// <exception cref="InvalidOperationException">A parameter is out of range.</exception>
    public void Validate()
    {
        Positive(R, "r");
        Positive(Alpha, "alpha");
        Positive(A, "a");
        Positive(B, "b");
        Positive(P, "p");
        Positive(Gamma, "gamma");
        if (!(Q > 1))
            throw Invalid("q", Q, "must be greater than 1 so that the mean spend p·γ/(q−1) is finite");
        Share(PreferenceShiftShare, "preferenceShiftShare");
        Share(SupportContactRate, "supportContactRate");
        Share(CampaignAudienceShare, "campaignAudienceShare");
        if (CheckoutDropOutStep is < 1 or > 3)
            throw Invalid("checkoutDropOutStep", CheckoutDropOutStep, "must be 1 (cart), 2 (address) or 3 (payment)");
        if (EngagementFadeDays is < 1 or > 365)
            throw Invalid("engagementFadeDays", EngagementFadeDays, "must be between 1 and 365 days");
        if (!(BadContactDropoutMultiplier >= 1))
            throw Invalid("badContactDropoutMultiplier", BadContactDropoutMultiplier, "must be at least 1 (1 = no effect)");
        if (Campaigns is < 0 or > 24)
            throw Invalid("campaigns", Campaigns, "must be between 0 and 24");
        if (HoldoutShare is <= 0m or > 0.5m)
            throw Invalid("holdoutShare", HoldoutShare, "must be above 0 and at most 0.5");
        if (OfferWindowDays is < 1 or > 90)
            throw Invalid("offerWindowDays", OfferWindowDays, "must be between 1 and 90 days");
        if (ResponseShares is not { Length: 4 } || ResponseShares.Any(s => !(s >= 0)) || !(ResponseShares.Sum() > 0))
            throw new InvalidOperationException(
                "Simulation parameter responseShares must hold four non-negative shares (persuadable, sure thing, lost cause, do-not-disturb) that are not all zero.");
    }

    /// <summary>
    /// The defaults with overrides written <c>name=value</c> (JSON names above; numbers with a dot, lists as JSON
    /// arrays, e.g. <c>alpha=10</c>, <c>responseShares=[0.5,0.2,0.2,0.1]</c>), validated.
    /// </summary>
    /// <exception cref="InvalidOperationException">An override is malformed, names no parameter, or gives a bad value.</exception>
    public static SimulationParameters WithOverrides(IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var json = JsonNode.Parse(new SimulationParameters().ToJson())!.AsObject();
        json.Remove("timeUnit");
        json["exactSpend"] ??= false; // left out of the JSON when off, but a name that can be set
        foreach (var text in overrides)
        {
            var split = text.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
                throw new InvalidOperationException($"Simulation parameter override '{text}' must be written name=value, e.g. alpha=10.");
            var name = text[..split].Trim();
            var value = text[(split + 1)..].Trim();
            if (!json.ContainsKey(name))
                throw new InvalidOperationException(
                    $"There is no simulation parameter '{name}'. Known parameters: {string.Join(", ", json.Select(p => p.Key))}.");
            var example = json[name]?.ToJsonString();
            try
            {
                json[name] = JsonNode.Parse(value);
                json.Deserialize<SimulationParameters>(JsonOptions);
            }
            catch (JsonException)
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"Simulation parameter {name} cannot be '{value}': write it like its default, {example}."));
            }
        }
        var parameters = json.Deserialize<SimulationParameters>(JsonOptions)!;
        parameters.Validate();
        return parameters;
    }

    /// <summary>The parameters as JSON with the stable names above.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw Invalid(name, value, "must be a positive number");
    }

    private static void Share(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
            throw Invalid(name, value, "must be a share between 0 and 1");
    }

    private static InvalidOperationException Invalid(string name, object value, string why) =>
        new(FormattableString.Invariant($"Simulation parameter {name} = {value} {why}."));
}

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// Response to offers per candidate kind, estimated from past campaigns with holdouts: the <b>uplift</b> (treated minus
/// held-out buying rate in the offer window, not the raw response) and the redemption rate of the treated.
/// </summary>
/// <remarks>
/// Small groups are shrunk towards the pooled estimate, and the pooled estimate towards the documented defaults, with a
/// prior worth <see cref="NextBestOfferOptions.PriorStrength"/> = m customers:
/// <list type="bullet">
/// <item>redemption rate: Beta prior with mean r₀ and strength m, so the posterior mean is (redeemed + m·r₀) / (treated + m);</item>
/// <item>uplift: the normal approximation of the same idea for a difference of two rates, weighting the measured uplift by
/// its effective size n = n_t·n_h/(n_t + n_h): (n·û + m·u₀) / (n + m). Shrinking each arm's rate separately would bias
/// the difference whenever the arms differ in size and the group's baseline differs from the pool's.</item>
/// </list>
/// Kinds are (r₀, u₀) = the pooled estimate; the pool is (r₀, u₀) = (<see cref="NextBestOfferOptions.DefaultRedemptionRate"/>,
/// <see cref="NextBestOfferOptions.DefaultUplift"/>). Without any campaign history every kind gets the defaults.
/// </remarks>
public sealed class OfferResponseRates
{
    private readonly Dictionary<OfferCandidateKind, ResponseEstimate> _byKind;

    private OfferResponseRates(ResponseEstimate pooled, Dictionary<OfferCandidateKind, ResponseEstimate> byKind, int campaigns)
    {
        Pooled = pooled;
        _byKind = byKind;
        Campaigns = campaigns;
    }

    /// <summary>All customers of all measured campaigns together.</summary>
    public ResponseEstimate Pooled { get; }

    /// <summary>Number of completed campaigns with a holdout that the estimates rest on.</summary>
    public int Campaigns { get; }

    /// <summary>The estimate for each kind.</summary>
    public IReadOnlyDictionary<OfferCandidateKind, ResponseEstimate> ByKind => _byKind;

    /// <summary>The estimate for customers who qualify for <paramref name="kind"/>.</summary>
    public ResponseEstimate For(OfferCandidateKind kind) => _byKind[kind];

    /// <summary>The defaults alone: what the engine assumes before any campaign has been measured.</summary>
    public static OfferResponseRates Defaults(NextBestOfferOptions options) =>
        Estimate(default, new Dictionary<OfferCandidateKind, ResponseEvidence>(), 0, options);

    /// <summary>Shrinks the evidence of each kind towards the pooled evidence, and that towards the defaults (see remarks).</summary>
    public static OfferResponseRates Estimate(ResponseEvidence pooled, IReadOnlyDictionary<OfferCandidateKind, ResponseEvidence> byKind,
        int campaigns, NextBestOfferOptions options)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var m = options.PriorStrength;
        var pool = Shrink(pooled, options.DefaultUplift, options.DefaultRedemptionRate, m);
        var kinds = new Dictionary<OfferCandidateKind, ResponseEstimate>();
        foreach (var kind in Enum.GetValues<OfferCandidateKind>())
            kinds[kind] = Shrink(byKind.GetValueOrDefault(kind), pool.Uplift, pool.RedemptionRate, m);
        return new OfferResponseRates(pool, kinds, campaigns);
    }

    private static ResponseEstimate Shrink(ResponseEvidence evidence, double priorUplift, double priorRedemption, double m)
    {
        var n = evidence.EffectiveSize;
        var uplift = evidence.MeasuredUplift is { } measured ? ((n * measured) + (m * priorUplift)) / (n + m) : priorUplift;
        var redemption = (evidence.Redeemed + (m * priorRedemption)) / (evidence.Treated + m);
        return new ResponseEstimate(uplift, redemption, evidence);
    }
}

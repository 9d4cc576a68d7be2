namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>The ranked offer candidates of every customer at one cut-off, and the response rates that priced them.</summary>
public sealed class NextBestOffers(DateTime cutoff, OfferResponseRates rates, IReadOnlyDictionary<long, IReadOnlyList<OfferCandidate>> byCustomer)
{
    public DateTime Cutoff { get; } = cutoff;

    public OfferResponseRates Rates { get; } = rates;

    /// <summary>Candidates per customer, best expected value first; customers without a purchase before the cut-off are absent.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<OfferCandidate>> ByCustomer { get; } = byCustomer;

    /// <summary>The customer's candidates, or none.</summary>
    public IReadOnlyList<OfferCandidate> For(long customerId) => ByCustomer.TryGetValue(customerId, out var list) ? list : [];

    /// <summary>The customer's candidates as JSON for <c>CustomerScore.NextBestOffersJson</c> (<c>[]</c> when none).</summary>
    public string JsonFor(long customerId) => NextBestOfferJson.Serialize(For(customerId));
}

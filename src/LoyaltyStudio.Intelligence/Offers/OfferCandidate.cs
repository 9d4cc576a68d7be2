namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// One proposed offer for one customer, with the reason in words and the numbers behind its rank:
/// <c>ExpectedValue = Uplift × ExpectedMargin − Cost</c>, where <c>Cost = RedemptionRate × Discount</c>.
/// </summary>
/// <param name="CustomerId">Who the offer is for.</param>
/// <param name="Kind">The signal the offer answers.</param>
/// <param name="Title">What is offered, e.g. "10 % off Coffee".</param>
/// <param name="Reason">Why, in a sentence a marketer reads, with the customer's numbers.</param>
/// <param name="Signal">The main number of the reason: a spend share (0–1) for category kinds, views for a viewed product,
/// spend still needed for tier progress, days since the last purchase for win-back.</param>
/// <param name="Uplift">Estimated increase of the chance of a purchase in the offer window when the offer is sent.</param>
/// <param name="RedemptionRate">Estimated chance that the offer is redeemed (also by customers who would have bought anyway).</param>
/// <param name="ExpectedMargin">Gross margin of the customer's expected order.</param>
/// <param name="Discount">What one redemption costs (discount or value of bonus points).</param>
/// <param name="Cost">Expected cost of sending the offer: redemption rate × discount.</param>
/// <param name="ExpectedValue">Expected incremental margin minus expected cost; the rank order.</param>
/// <param name="CategoryId">The category the offer is on, when it is on one.</param>
/// <param name="ProductId">The product the offer is on, when it is on one.</param>
/// <param name="Contactable">Whether the customer agreed to marketing on at least one channel; campaigns send only to those.</param>
public sealed record OfferCandidate(
    long CustomerId,
    OfferCandidateKind Kind,
    string Title,
    string Reason,
    double Signal,
    double Uplift,
    double RedemptionRate,
    decimal ExpectedMargin,
    decimal Discount,
    decimal Cost,
    decimal ExpectedValue,
    int? CategoryId,
    int? ProductId,
    bool Contactable);

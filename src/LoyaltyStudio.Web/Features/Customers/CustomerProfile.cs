using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>Everything the 360 profile shows about one customer; personal data already masked when the user may not see it.</summary>
public sealed record CustomerProfile(
    CustomerHeader Header,
    TierStanding Tier,
    CustomerKpis Kpis,
    CustomerOrdersPage Orders,
    LatestEntries<EventRow> Events,
    LatestEntries<SupportContactRow> SupportContacts,
    LatestEntries<LedgerRow> Ledger,
    ScoreSummary? Score);

/// <summary>Who the customer is. <see cref="Masked"/> says whether name, e-mail and phone are partly hidden.</summary>
public sealed record CustomerHeader(
    long Id,
    string ExternalId,
    string Name,
    string? Email,
    string? Phone,
    bool Masked,
    string Region,
    AgeBand AgeBand,
    DateTime SignupDate,
    SalesChannel SignupChannel,
    ConsentView Consent,
    DateTime? RescoreRequestedAt);

/// <summary>The customer's consent per marketing channel and for profiling.</summary>
public sealed record ConsentView(bool Email, bool Sms, bool Push, bool Profiling, DateTime UpdatedAt);

/// <summary>
/// The customer's tier and how far the qualifying spend (last <see cref="TierRules.QualifyingWindow"/>) is from the next one.
/// </summary>
/// <param name="Code">The tier the customer holds.</param>
/// <param name="Name">Its display name.</param>
/// <param name="QualifyingSpend">Order totals (returns as negatives) in the window up to now.</param>
/// <param name="NextTierName">The next tier up, or null at the top.</param>
/// <param name="NextTierSpend">Qualifying spend the next tier needs.</param>
/// <param name="SpendToNextTier">How much more spend reaches it.</param>
public sealed record TierStanding(string Code, string Name, decimal QualifyingSpend, string? NextTierName, decimal? NextTierSpend, decimal? SpendToNextTier)
{
    /// <summary>Share of the next tier's spend already reached, 0–100; 100 at the top tier.</summary>
    public double ProgressPercent => NextTierSpend is > 0 and var needed
        ? Math.Clamp((double)(QualifyingSpend / needed) * 100, 0, 100)
        : 100;
}

/// <summary>Lifetime figures over all of the customer's orders.</summary>
public sealed record CustomerKpis(int Orders, decimal Revenue, DateTime? LastPurchaseAt, int PointsBalance)
{
    /// <summary>Revenue per order; null without orders.</summary>
    public decimal? AverageOrderValue => Orders == 0 ? null : Math.Round(Revenue / Orders, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One page of the customer's orders, newest first.</summary>
public sealed record CustomerOrdersPage(int Page, int PageSize, int TotalOrders, IReadOnlyList<OrderRow> Orders)
{
    public int PageCount => TotalOrders == 0 ? 1 : (TotalOrders + PageSize - 1) / PageSize;
}

/// <summary>An order with its lines.</summary>
public sealed record OrderRow(long Id, string OrderNumber, DateTime OrderedAt, SalesChannel Channel, decimal Total, decimal DiscountTotal, IReadOnlyList<OrderLineRow> Lines);

/// <summary>One product on an order; a negative quantity is a return.</summary>
public sealed record OrderLineRow(string Sku, string Product, int Quantity, decimal UnitPrice, decimal Discount, decimal LineTotal);

/// <summary>The newest entries of a long list and how many there are in all.</summary>
public sealed record LatestEntries<T>(IReadOnlyList<T> Items, int Total)
{
    public bool HasMore => Total > Items.Count;
}

/// <summary>One interaction event.</summary>
public sealed record EventRow(DateTime OccurredAt, InteractionType Type, SalesChannel Channel, string? Product, int? CheckoutStep);

/// <summary>One support contact and how it ended.</summary>
public sealed record SupportContactRow(DateTime OpenedAt, SupportTopic Topic, SupportOutcome Outcome);

/// <summary>One points movement.</summary>
public sealed record LedgerRow(DateTime OccurredAt, PointsEntryType Type, int Points, string? Note);

/// <summary>The customer's scores from the current scoring run: risk with its reasons, lifetime value, segments, offers.</summary>
public sealed record ScoreSummary(int ChurnScore, ChurnRiskBand RiskBand, double ProbabilityAlive, decimal PredictedLifetimeValue, DateTime ScoredAt)
{
    /// <summary>Expected purchases over the lifetime-value horizon.</summary>
    public double ExpectedPurchases { get; init; }

    public decimal ExpectedSpendPerOrder { get; init; }

    /// <summary>Why the churn risk is what it is, in plain sentences (Medium and High risk only).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public string? RfmSegment { get; init; }

    public string? MicroSegment { get; init; }

    /// <summary>Ranked next-best-offer candidates.</summary>
    public IReadOnlyList<OfferSuggestion> Offers { get; init; } = [];
}

/// <summary>One next-best-offer candidate: what to offer, why, and whether the customer may be contacted.</summary>
public sealed record OfferSuggestion(string Title, string Reason, bool Contactable);

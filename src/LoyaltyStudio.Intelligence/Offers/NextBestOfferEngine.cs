using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// Proposes, per customer, a ranked list of offers with reasons: favourite category (recency-weighted spend share),
/// products viewed and not bought, a rising category, progress to the next tier, and win-back for high churn risk.
/// Each is ranked by expected value = uplift × expected order margin − redemption rate × discount, with uplift and
/// redemption rate per kind measured on past campaigns against their holdouts (<see cref="OfferResponseRates"/>).
/// Set-based: a handful of grouped queries per cut-off, nothing per customer; nothing at or after the cut-off is read.
/// </summary>
public sealed class NextBestOfferEngine
{
    private readonly IDbContextFactory<LoyaltyDbContext> _contexts;
    private readonly NextBestOfferOptions _options;

    public NextBestOfferEngine(IDbContextFactory<LoyaltyDbContext> contexts, NextBestOfferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
        _options = options ?? new NextBestOfferOptions();
        _options.Validate();
    }

    /// <summary>The uplift and redemption rate per candidate kind from the campaigns whose offer window ended by <paramref name="cutoff"/>.</summary>
    public async Task<OfferResponseRates> EstimateResponseRatesAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        cutoff = Utc(cutoff);
        await using var context = await CreateContextAsync(cancellationToken);
        var catalogue = await OfferCatalogue.LoadAsync(context, cancellationToken);
        return await OfferResponseHistory.EstimateAsync(_contexts, context, catalogue, _options, cutoff, cancellationToken);
    }

    /// <summary>The ranked candidates of every customer with a purchase before the cut-off.</summary>
    /// <param name="cutoff">The moment the offers are proposed at; nothing at or after it is read.</param>
    /// <param name="churnProbabilities">Churn probability per customer (from the churn model); customers at or above
    /// <see cref="NextBestOfferOptions.WinBackChurnProbability"/> get a win-back offer. When null, win-back goes to customers
    /// without a purchase for <see cref="NextBestOfferOptions.WinBackLapseDays"/>; customers missing from the map get none.</param>
    /// <param name="rates">Response rates to price with; estimated from the campaign history at the cut-off when null.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    /// <exception cref="ArgumentException">A churn probability is not a number between 0 and 1.</exception>
    public async Task<NextBestOffers> ProposeAsync(DateTime cutoff, IReadOnlyDictionary<long, double>? churnProbabilities = null,
        OfferResponseRates? rates = null, CancellationToken cancellationToken = default)
    {
        cutoff = Utc(cutoff);
        foreach (var (customerId, probability) in churnProbabilities ?? new Dictionary<long, double>())
        {
            if (!(probability is >= 0 and <= 1))
                throw new ArgumentException($"Customer {customerId}: a churn probability must lie between 0 and 1, not {probability}.",
                    nameof(churnProbabilities));
        }

        await using var context = await CreateContextAsync(cancellationToken);
        var catalogue = await OfferCatalogue.LoadAsync(context, cancellationToken);
        rates ??= await OfferResponseHistory.EstimateAsync(_contexts, context, catalogue, _options, cutoff, cancellationToken);
        var signals = await OfferSignalReader.ReadAsync(_contexts, catalogue, _options, cutoff, audienceOf: null, cancellationToken);

        // Customers whose orders add up to nothing (all returned) still get priced on the typical order.
        var positive = signals.Values.Select(s => s.MeanOrder).Where(m => m > 0).ToList();
        var typicalOrder = positive.Count > 0 ? (decimal)positive.Average() : 0m;

        var rules = new OfferRules(catalogue, _options);
        var byCustomer = new Dictionary<long, IReadOnlyList<OfferCandidate>>(signals.Count);
        foreach (var customer in signals.Values)
        {
            double? churn = null;
            if (churnProbabilities is not null)
                churn = churnProbabilities.TryGetValue(customer.CustomerId, out var p) ? p : 0;
            var meanOrder = customer.MeanOrder > 0 ? (decimal)customer.MeanOrder : typicalOrder;
            var margin = Math.Round(_options.GrossMarginRate * meanOrder, 2, MidpointRounding.AwayFromZero);
            var ranked = rules.IdeasFor(customer, cutoff, churn)
                .Select(idea => Price(customer, idea, rates.For(idea.Kind), margin))
                .OrderByDescending(c => c.ExpectedValue).ThenBy(c => c.Kind).ThenBy(c => c.Title, StringComparer.Ordinal)
                .DistinctBy(c => c.Title)
                .Take(_options.MaximumCandidates)
                .ToList();
            byCustomer[customer.CustomerId] = ranked;
        }
        return new NextBestOffers(cutoff, rates, byCustomer);
    }

    private static OfferCandidate Price(CustomerOfferSignals customer, OfferIdea idea, ResponseEstimate response, decimal margin)
    {
        var cost = Math.Round((decimal)response.RedemptionRate * idea.Discount, 2, MidpointRounding.AwayFromZero);
        var value = Math.Round(((decimal)response.Uplift * margin) - cost, 2, MidpointRounding.AwayFromZero);
        return new OfferCandidate(customer.CustomerId, idea.Kind, idea.Title, idea.Reason, idea.Signal, response.Uplift,
            response.RedemptionRate, margin, idea.Discount, cost, value, idea.CategoryId, idea.ProductId, customer.Contactable);
    }

    private async Task<LoyaltyDbContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }

    // DateTime comparisons ignore Kind and the database holds UTC: a local cut-off is converted first.
    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
}

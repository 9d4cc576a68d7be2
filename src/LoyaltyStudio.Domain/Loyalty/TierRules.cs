using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Domain.Loyalty;

/// <summary>The tier ladder and how qualifying spend maps onto it.</summary>
public sealed class TierRules
{
    /// <summary>Rolling window over which spend qualifies for a tier.</summary>
    public static readonly TimeSpan QualifyingWindow = TimeSpan.FromDays(365);

    public IReadOnlyList<Tier> Tiers { get; }

    public TierRules(IEnumerable<Tier> tiers)
    {
        var ordered = tiers.OrderBy(t => t.Rank).ToList();
        if (ordered.Count == 0)
            throw new DomainException("The programme needs at least one tier.");
        if (ordered[0].QualifyingSpend != 0)
            throw new DomainException($"The entry tier {ordered[0].Code} must need no qualifying spend.");
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Rank == ordered[i - 1].Rank)
                throw new DomainException($"Tiers {ordered[i - 1].Code} and {ordered[i].Code} share rank {ordered[i].Rank}.");
            if (ordered[i].QualifyingSpend <= ordered[i - 1].QualifyingSpend)
                throw new DomainException($"Tier {ordered[i].Code} must need more qualifying spend than {ordered[i - 1].Code}.");
        }
        Tiers = ordered;
    }

    /// <summary>The standard ladder used by the demo programme.</summary>
    public static TierRules Standard { get; } = new([
        new Tier(Tier.DefaultCode, "Bronze", 0, 0m, 1m),
        new Tier("SILVER", "Silver", 1, 250m, 1.25m),
        new Tier("GOLD", "Gold", 2, 750m, 1.5m),
        new Tier("PLATINUM", "Platinum", 3, 2000m, 2m),
    ]);

    /// <summary>The highest tier whose qualifying spend is met.</summary>
    /// <remarks>Spend below zero (more returned than bought) still holds the entry tier.</remarks>
    public Tier TierFor(decimal qualifyingSpend) => Tiers.LastOrDefault(t => t.QualifyingSpend <= qualifyingSpend) ?? Tiers[0];

    /// <summary>
    /// Spend that counts toward a tier on <paramref name="asOf"/>: order totals (returns included, as negatives)
    /// in the <see cref="QualifyingWindow"/> ending at <paramref name="asOf"/>, i.e. after asOf − 365 days and up to asOf.
    /// </summary>
    public static decimal QualifyingSpend(IEnumerable<Order> orders, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var windowStart = asOf - QualifyingWindow;
        return orders.Where(o => o.OrderedAt > windowStart && o.OrderedAt <= asOf).Sum(o => o.Total);
    }

    public Tier ByCode(string code) => Tiers.FirstOrDefault(t => t.Code == code)
        ?? throw new DomainException($"There is no tier with code '{code}'.");

    /// <summary>The next tier up and how much more spend it needs, or null at the top.</summary>
    public (Tier Next, decimal SpendNeeded)? NextTier(decimal qualifyingSpend)
    {
        var next = Tiers.FirstOrDefault(t => t.QualifyingSpend > qualifyingSpend);
        return next is null ? null : (next, next.QualifyingSpend - qualifyingSpend);
    }
}

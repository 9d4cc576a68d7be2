namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// Who churned after a cut-off: every customer with a purchase before <see cref="Cutoff"/>, and whether they made
/// no purchase in the <see cref="HorizonDays"/> days from it. Customers are ordered by id, like a feature table.
/// </summary>
public sealed class ChurnLabels
{
    private readonly Dictionary<long, bool> _byCustomer;

    public ChurnLabels(DateTime cutoff, int horizonDays, IReadOnlyList<long> customerIds, IReadOnlyList<bool> churned)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(churned);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        if (customerIds.Count != churned.Count)
            throw new ArgumentException($"{customerIds.Count} customers but {churned.Count} labels; they must pair up.", nameof(churned));
        Cutoff = cutoff;
        HorizonDays = horizonDays;
        CustomerIds = customerIds;
        Churned = churned;
        _byCustomer = new Dictionary<long, bool>(customerIds.Count);
        for (var i = 0; i < customerIds.Count; i++)
        {
            if (!_byCustomer.TryAdd(customerIds[i], churned[i]))
                throw new ArgumentException($"Customer {customerIds[i]} is labelled twice.", nameof(customerIds));
        }
        ChurnedCount = churned.Count(c => c);
    }

    public DateTime Cutoff { get; }

    public int HorizonDays { get; }

    /// <summary>The end of the label window (exclusive): purchases in [Cutoff, WindowEnd) count as staying.</summary>
    public DateTime WindowEnd => Cutoff.AddDays(HorizonDays);

    public IReadOnlyList<long> CustomerIds { get; }

    public IReadOnlyList<bool> Churned { get; }

    public int Count => CustomerIds.Count;

    public int ChurnedCount { get; }

    public int RetainedCount => Count - ChurnedCount;

    /// <summary>The label of a customer, or null when the customer had no purchase before the cut-off.</summary>
    public bool? For(long customerId) => _byCustomer.TryGetValue(customerId, out var churned) ? churned : null;
}

/// <summary>Where churn labels come from (the orders in the database, or a test's own list).</summary>
public interface IChurnLabelSource
{
    /// <summary>Labels every customer with a purchase before <paramref name="cutoff"/>: churned when no purchase in the next <paramref name="horizonDays"/> days.</summary>
    Task<ChurnLabels> LoadAsync(DateTime cutoff, int horizonDays, CancellationToken cancellationToken = default);
}

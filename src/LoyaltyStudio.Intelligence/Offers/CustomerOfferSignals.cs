namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>What the offer rules need to know about one customer at a cut-off, all from rows before it.</summary>
internal sealed class CustomerOfferSignals(long customerId, int categories)
{
    public long CustomerId { get; } = customerId;

    public DateTime LastOrderAt { get; set; }

    public int Orders { get; set; }

    public double Spend { get; set; }

    public int Orders365 { get; set; }

    /// <summary>Order totals (returns as negatives) in the 365 days before the cut-off: the tier's qualifying spend.</summary>
    public double Spend365 { get; set; }

    /// <summary>Line spend per category column, weighted by age (half-life).</summary>
    public double[] WeightedSpend { get; } = new double[categories];

    /// <summary>Line spend per category column in the last 90 days.</summary>
    public double[] RecentSpend { get; } = new double[categories];

    /// <summary>Line spend per category column in the 275 days before the last 90.</summary>
    public double[] EarlierSpend { get; } = new double[categories];

    /// <summary>Products viewed often enough in the view window and not bought there, most viewed first.</summary>
    public List<(int ProductId, int Views)> Viewed { get; } = [];

    public bool Contactable { get; set; }

    /// <summary>Mean order value of the last 365 days, else of all orders; 0 when not positive.</summary>
    public double MeanOrder => Math.Max(0, Orders365 > 0 ? Spend365 / Orders365 : Orders > 0 ? Spend / Orders : 0);
}

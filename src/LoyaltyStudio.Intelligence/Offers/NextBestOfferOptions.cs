namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// The rules that turn a customer's history into offer candidates and the business figures that price them.
/// The catalogue holds prices but not costs, so the gross margin and the value of a point are settings.
/// </summary>
public sealed class NextBestOfferOptions
{
    /// <summary>Candidates kept per customer, best expected value first.</summary>
    public int MaximumCandidates { get; set; } = 5;

    /// <summary>Half-life of the recency weighting of spend for the favourite category: spend this many days old counts half.</summary>
    public double HalfLifeDays { get; set; } = 90;

    /// <summary>Days before the cut-off in which viewed-and-not-bought products are looked for.</summary>
    public int ViewWindowDays { get; set; } = 30;

    /// <summary>Views of one product (in the view window, without buying it there) that make it a candidate; one view is often a scroll past.</summary>
    public int MinimumViews { get; set; } = 2;

    /// <summary>Most viewed-and-not-bought products proposed to one customer.</summary>
    public int MaximumViewedProducts { get; set; } = 2;

    /// <summary>Rise of a category's share of spend (last 90 days against the 275 days before) that makes it "rising".</summary>
    public double RisingShareIncrease { get; set; } = 0.15;

    /// <summary>Share of the last 90 days' spend a rising category must reach.</summary>
    public double RisingMinimumShare { get; set; } = 0.25;

    /// <summary>The next tier is "within reach" when the spend it still needs is at most this many of the customer's average orders.</summary>
    public double TierReachOrders { get; set; } = 3;

    /// <summary>Churn probability from which a customer gets a win-back offer (the default High band starts at a score of 70).</summary>
    public double WinBackChurnProbability { get; set; } = 0.7;

    /// <summary>
    /// Days without a purchase that stand for high risk where no churn probability is at hand: when the engine is called
    /// without churn scores, and for classifying the audiences of past campaigns (whose churn scores were not kept).
    /// </summary>
    public int WinBackLapseDays { get; set; } = 60;

    /// <summary>Gross margin as a share of order value (the catalogue has no product costs).</summary>
    public decimal GrossMarginRate { get; set; } = 0.30m;

    /// <summary>Discount of a category offer (favourite or rising category).</summary>
    public decimal CategoryDiscountRate { get; set; } = 0.10m;

    /// <summary>Discount of a viewed-product offer.</summary>
    public decimal ProductDiscountRate { get; set; } = 0.15m;

    /// <summary>Discount on the whole basket of a win-back offer.</summary>
    public decimal WinBackDiscountRate { get; set; } = 0.20m;

    /// <summary>Bonus points of a tier-progress offer, as a multiple of the points the order earns anyway (1 = double points).</summary>
    public decimal TierBonusPointsMultiplier { get; set; } = 1m;

    /// <summary>What one point costs the programme when redeemed (500 points = a 5.00 voucher by default).</summary>
    public decimal PointValue { get; set; } = 0.01m;

    /// <summary>
    /// Weight of the prior in customers: a group's measured uplift and redemption rate are pulled towards the pooled ones
    /// as if the pooled value had been seen on this many customers (see <see cref="OfferResponseRates"/>).
    /// </summary>
    public double PriorStrength { get; set; } = 200;

    /// <summary>Uplift assumed before any campaign with a holdout has been measured: a modest 2 points for a targeted discount.</summary>
    public double DefaultUplift { get; set; } = 0.02;

    /// <summary>Redemption rate assumed before any campaign has been measured.</summary>
    public double DefaultRedemptionRate { get; set; } = 0.10;

    /// <summary>Fails naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        Require(MaximumCandidates is >= 1 and <= 20, nameof(MaximumCandidates), MaximumCandidates, "must be between 1 and 20");
        Require(HalfLifeDays is > 0 and <= 3650, nameof(HalfLifeDays), HalfLifeDays, "must be a positive number of days (at most 3650)");
        Require(ViewWindowDays is >= 1 and <= 365, nameof(ViewWindowDays), ViewWindowDays, "must be between 1 and 365 days");
        Require(MinimumViews >= 1, nameof(MinimumViews), MinimumViews, "must be at least 1");
        Require(MaximumViewedProducts >= 0, nameof(MaximumViewedProducts), MaximumViewedProducts, "cannot be negative");
        Require(RisingShareIncrease is > 0 and < 1, nameof(RisingShareIncrease), RisingShareIncrease, "must lie between 0 and 1");
        Require(RisingMinimumShare is >= 0 and <= 1, nameof(RisingMinimumShare), RisingMinimumShare, "must lie between 0 and 1");
        Require(TierReachOrders > 0, nameof(TierReachOrders), TierReachOrders, "must be positive");
        Require(WinBackChurnProbability is > 0 and <= 1, nameof(WinBackChurnProbability), WinBackChurnProbability, "must lie in (0, 1]");
        Require(WinBackLapseDays >= 1, nameof(WinBackLapseDays), WinBackLapseDays, "must be at least 1 day");
        Require(GrossMarginRate is > 0 and <= 1, nameof(GrossMarginRate), GrossMarginRate, "must lie in (0, 1]");
        Require(CategoryDiscountRate is >= 0 and < 1, nameof(CategoryDiscountRate), CategoryDiscountRate, "must lie in [0, 1)");
        Require(ProductDiscountRate is >= 0 and < 1, nameof(ProductDiscountRate), ProductDiscountRate, "must lie in [0, 1)");
        Require(WinBackDiscountRate is >= 0 and < 1, nameof(WinBackDiscountRate), WinBackDiscountRate, "must lie in [0, 1)");
        Require(TierBonusPointsMultiplier >= 0, nameof(TierBonusPointsMultiplier), TierBonusPointsMultiplier, "cannot be negative");
        Require(PointValue >= 0, nameof(PointValue), PointValue, "cannot be negative");
        Require(PriorStrength > 0 && double.IsFinite(PriorStrength), nameof(PriorStrength), PriorStrength, "must be a positive number of customers");
        Require(DefaultUplift is > -1 and < 1, nameof(DefaultUplift), DefaultUplift, "must lie between -1 and 1");
        Require(DefaultRedemptionRate is >= 0 and <= 1, nameof(DefaultRedemptionRate), DefaultRedemptionRate, "must lie in [0, 1]");
    }

    private static void Require(bool ok, string name, object value, string why)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"Next-best-offer setting {name} {why}, not {value}.");
    }
}

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// The names of the features every <see cref="IFeatureBuilder"/> produces, shared by the models and by the
/// sentences that explain a score. Days and money are as of the cut-off; "trend" features are
/// (recent − earlier) / (recent + earlier + 1), so they lie in (−1, 1) and are 0 when nothing changed.
/// Category shares are added per category as <see cref="CategorySharePrefix"/> + the category name.
/// A window of d days is [cut-off − d days, cut-off). Every order counts as a purchase (a return is an order line of
/// negative quantity and lowers spend); spend is what was paid, after discounts. A feature with nothing to count is 0.
/// </summary>
public static class FeatureNames
{
    /// <summary>Days since the last purchase (fractional).</summary>
    public const string RecencyDays = "recency_days";
    /// <summary>Orders in the last 30 days.</summary>
    public const string Orders30 = "orders_30";

    /// <summary>Orders in the last 90 days.</summary>
    public const string Orders90 = "orders_90";

    /// <summary>Orders in the last 365 days.</summary>
    public const string Orders365 = "orders_365";

    /// <summary>Money paid (order totals after discounts, returns subtracted) in the last 30 days.</summary>
    public const string Spend30 = "spend_30";

    /// <summary>Money paid in the last 90 days.</summary>
    public const string Spend90 = "spend_90";

    /// <summary>Money paid in the last 365 days.</summary>
    public const string Spend365 = "spend_365";

    /// <summary>Days since the customer signed up, or since the first purchase when that came earlier (imported data).</summary>
    public const string TenureDays = "tenure_days";

    /// <summary>Mean of the days between consecutive purchases over the whole history (0 with fewer than two purchases).</summary>
    public const string GapMeanDays = "gap_mean_days";

    /// <summary>Population standard deviation of those gaps (0 with fewer than three purchases).</summary>
    public const string GapStdDays = "gap_std_days";

    /// <summary>
    /// Recency divided by the usual gap (0 with fewer than two purchases), capped at 50; the cap also stands in when
    /// all purchases fell at one moment (a gap of 0) and time has passed since.
    /// </summary>
    public const string RecencyOverGap = "recency_over_gap";

    /// <summary>Orders in the last 90 days against the 90 before.</summary>
    public const string OrdersTrend = "orders_trend";

    /// <summary>Spend in the last 90 days against the 90 before (a negative spend counts as 0).</summary>
    public const string SpendTrend = "spend_trend";

    /// <summary>
    /// Jensen–Shannon distance (base 2, so in [0, 1]) between category shares of spend in the last 90 days and in the
    /// 275 days before; 0 when either window has no positive spend, as a shift cannot be seen then.
    /// </summary>
    public const string CategoryShift = "category_shift";

    /// <summary>Share of all the customer's orders before the cut-off placed online (the three channel shares sum to 1).</summary>
    public const string ChannelShareOnline = "channel_share_online";

    /// <summary>Share of the orders placed in the app.</summary>
    public const string ChannelShareApp = "channel_share_app";

    /// <summary>Share of the orders placed in a store.</summary>
    public const string ChannelShareStore = "channel_share_store";

    /// <summary>Discount as a share of gross order value (paid + discount) over 365 days; 0 when nothing gross was bought.</summary>
    public const string DiscountShare = "discount_share";

    /// <summary>Points redemptions (ledger entries of type redeem) in the last 365 days.</summary>
    public const string Redemptions365 = "redemptions_365";

    /// <summary>Points balance just before the cut-off: the sum of all ledger entries before it.</summary>
    public const string PointsBalance = "points_balance";

    /// <summary>App opens in the last 28 days, and their trend against the 28 before.</summary>
    public const string AppOpens28 = "app_opens_28";
    public const string AppOpensTrend = "app_opens_trend";

    /// <summary>Product views, cart adds and checkout steps (web and app) in the last 28 days, and their trend.</summary>
    public const string Browsing28 = "browsing_28";
    public const string BrowsingTrend = "browsing_trend";

    /// <summary>Support contacts opened in the last 365 days.</summary>
    public const string SupportContacts365 = "support_contacts_365";

    /// <summary>
    /// Support contacts in 365 days whose outcome was bad (unresolved or the customer unhappy): the outcomes
    /// <c>SupportContact.IsBadExperience</c> names, unresolved and resolved late.
    /// </summary>
    public const string SupportBadOutcomes365 = "support_bad_outcomes_365";
    /// <summary>Support contacts about delivery in the last 365 days.</summary>
    public const string DeliveryComplaints365 = "delivery_complaints_365";

    /// <summary>
    /// Offers sent to the customer in 365 days (delivered in the window), and the share of them redeemed before the
    /// cut-off (0 when none was sent). Redemption is read from its time, not from today's status, so an offer redeemed
    /// after the cut-off counts as not redeemed.
    /// </summary>
    public const string OffersReceived365 = "offers_received_365";
    public const string OfferResponseRate = "offer_response_rate";

    /// <summary>Prefix of the per-category share columns (share of 365-day spend).</summary>
    public const string CategorySharePrefix = "category_share:";

    /// <summary>The fixed features, in column order (category shares follow them).</summary>
    public static readonly IReadOnlyList<string> Fixed =
    [
        RecencyDays, Orders30, Orders90, Orders365, Spend30, Spend90, Spend365, TenureDays,
        GapMeanDays, GapStdDays, RecencyOverGap, OrdersTrend, SpendTrend, CategoryShift,
        ChannelShareOnline, ChannelShareApp, ChannelShareStore, DiscountShare, Redemptions365, PointsBalance,
        AppOpens28, AppOpensTrend, Browsing28, BrowsingTrend, SupportContacts365, SupportBadOutcomes365,
        DeliveryComplaints365, OffersReceived365, OfferResponseRate,
    ];
}

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// The names of the features every <see cref="IFeatureBuilder"/> produces, shared by the models and by the
/// sentences that explain a score. Days and money are as of the cut-off; "trend" features are
/// (recent − earlier) / (recent + earlier + 1), so they lie in (−1, 1) and are 0 when nothing changed.
/// Category shares are added per category as <see cref="CategorySharePrefix"/> + the category name.
/// </summary>
public static class FeatureNames
{
    /// <summary>Days since the last purchase.</summary>
    public const string RecencyDays = "recency_days";
    public const string Orders30 = "orders_30";
    public const string Orders90 = "orders_90";
    public const string Orders365 = "orders_365";
    public const string Spend30 = "spend_30";
    public const string Spend90 = "spend_90";
    public const string Spend365 = "spend_365";

    /// <summary>Days since the customer signed up.</summary>
    public const string TenureDays = "tenure_days";

    /// <summary>Mean and standard deviation of the days between purchases (0 with fewer than two purchases).</summary>
    public const string GapMeanDays = "gap_mean_days";
    public const string GapStdDays = "gap_std_days";

    /// <summary>Recency divided by the usual gap (0 with fewer than two purchases), capped at 50.</summary>
    public const string RecencyOverGap = "recency_over_gap";

    /// <summary>Orders in the last 90 days against the 90 before.</summary>
    public const string OrdersTrend = "orders_trend";
    public const string SpendTrend = "spend_trend";

    /// <summary>Jensen–Shannon distance between category shares of the last 90 days and of the 275 days before.</summary>
    public const string CategoryShift = "category_shift";
    public const string ChannelShareOnline = "channel_share_online";
    public const string ChannelShareApp = "channel_share_app";
    public const string ChannelShareStore = "channel_share_store";

    /// <summary>Discount as a share of gross order value over 365 days.</summary>
    public const string DiscountShare = "discount_share";
    public const string Redemptions365 = "redemptions_365";
    public const string PointsBalance = "points_balance";

    /// <summary>App opens in the last 28 days, and their trend against the 28 before.</summary>
    public const string AppOpens28 = "app_opens_28";
    public const string AppOpensTrend = "app_opens_trend";

    /// <summary>Product views, cart adds and checkout steps (web and app) in the last 28 days, and their trend.</summary>
    public const string Browsing28 = "browsing_28";
    public const string BrowsingTrend = "browsing_trend";
    public const string SupportContacts365 = "support_contacts_365";

    /// <summary>Support contacts in 365 days whose outcome was bad (unresolved or the customer unhappy).</summary>
    public const string SupportBadOutcomes365 = "support_bad_outcomes_365";
    public const string DeliveryComplaints365 = "delivery_complaints_365";

    /// <summary>Offers sent to the customer in 365 days, and the share of them redeemed.</summary>
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

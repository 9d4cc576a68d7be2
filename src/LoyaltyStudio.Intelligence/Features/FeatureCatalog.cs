namespace LoyaltyStudio.Intelligence.Features;

/// <summary>Labels, units and descriptions of every feature in <see cref="FeatureNames"/>, for the UI and for reason sentences.</summary>
public static class FeatureCatalog
{
    private static readonly Dictionary<string, FeatureDescription> Descriptions = new FeatureDescription[]
    {
        new(FeatureNames.RecencyDays, "Days since last purchase", FeatureUnit.Days, "Days from the last purchase to the cut-off."),
        new(FeatureNames.Orders30, "Orders, 30 days", FeatureUnit.Count, "Orders placed in the last 30 days."),
        new(FeatureNames.Orders90, "Orders, 90 days", FeatureUnit.Count, "Orders placed in the last 90 days."),
        new(FeatureNames.Orders365, "Orders, 12 months", FeatureUnit.Count, "Orders placed in the last 365 days."),
        new(FeatureNames.Spend30, "Spend, 30 days", FeatureUnit.Money, "Money paid after discounts in the last 30 days."),
        new(FeatureNames.Spend90, "Spend, 90 days", FeatureUnit.Money, "Money paid after discounts in the last 90 days."),
        new(FeatureNames.Spend365, "Spend, 12 months", FeatureUnit.Money, "Money paid after discounts in the last 365 days."),
        new(FeatureNames.TenureDays, "Days as a member", FeatureUnit.Days, "Days since signing up (or since the first purchase, if earlier)."),
        new(FeatureNames.GapMeanDays, "Usual days between purchases", FeatureUnit.Days, "Mean number of days between consecutive purchases."),
        new(FeatureNames.GapStdDays, "Regularity of purchases", FeatureUnit.Days, "Standard deviation of the days between purchases; small means regular."),
        new(FeatureNames.RecencyOverGap, "Overdue factor", FeatureUnit.Ratio, "Days since the last purchase divided by the usual gap; above 1 means overdue."),
        new(FeatureNames.OrdersTrend, "Order trend", FeatureUnit.Trend, "Orders in the last 90 days against the 90 before."),
        new(FeatureNames.SpendTrend, "Spend trend", FeatureUnit.Trend, "Spend in the last 90 days against the 90 before."),
        new(FeatureNames.CategoryShift, "Change in what they buy", FeatureUnit.Distance, "How far the category mix of the last 90 days moved from the 275 days before."),
        new(FeatureNames.ChannelShareOnline, "Online share", FeatureUnit.Share, "Share of orders placed online."),
        new(FeatureNames.ChannelShareApp, "App share", FeatureUnit.Share, "Share of orders placed in the app."),
        new(FeatureNames.ChannelShareStore, "Store share", FeatureUnit.Share, "Share of orders placed in a store."),
        new(FeatureNames.DiscountShare, "Discount share", FeatureUnit.Share, "Discounts as a share of the gross value bought in the last 365 days."),
        new(FeatureNames.Redemptions365, "Points redemptions, 12 months", FeatureUnit.Count, "Times points were redeemed in the last 365 days."),
        new(FeatureNames.PointsBalance, "Points balance", FeatureUnit.Points, "Points held at the cut-off."),
        new(FeatureNames.AppOpens28, "App opens, 4 weeks", FeatureUnit.Count, "App opens in the last 28 days."),
        new(FeatureNames.AppOpensTrend, "App opens trend", FeatureUnit.Trend, "App opens in the last 28 days against the 28 before."),
        new(FeatureNames.Browsing28, "Browsing, 4 weeks", FeatureUnit.Count, "Product views, cart adds and checkout steps in the last 28 days."),
        new(FeatureNames.BrowsingTrend, "Browsing trend", FeatureUnit.Trend, "Browsing in the last 28 days against the 28 before."),
        new(FeatureNames.SupportContacts365, "Support contacts, 12 months", FeatureUnit.Count, "Contacts with support in the last 365 days."),
        new(FeatureNames.SupportBadOutcomes365, "Bad support experiences, 12 months", FeatureUnit.Count, "Support contacts left unresolved or resolved late in the last 365 days."),
        new(FeatureNames.DeliveryComplaints365, "Delivery complaints, 12 months", FeatureUnit.Count, "Support contacts about delivery in the last 365 days."),
        new(FeatureNames.OffersReceived365, "Offers received, 12 months", FeatureUnit.Count, "Personal offers delivered in the last 365 days."),
        new(FeatureNames.OfferResponseRate, "Offer response rate", FeatureUnit.Share, "Share of the offers received in the last 365 days that were redeemed."),
    }.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The descriptions of the fixed features, in column order.</summary>
    public static IReadOnlyList<FeatureDescription> Fixed { get; } = [.. FeatureNames.Fixed.Select(n => Descriptions[n])];

    /// <summary>The description of a feature, including the per-category shares; throws naming an unknown feature.</summary>
    public static FeatureDescription Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Descriptions.TryGetValue(name, out var description))
            return description;
        if (name.StartsWith(FeatureNames.CategorySharePrefix, StringComparison.Ordinal))
        {
            var category = name[FeatureNames.CategorySharePrefix.Length..];
            return new FeatureDescription(name, $"{category} share", FeatureUnit.Share,
                $"Share of the last 365 days' spend that went to {category}.");
        }
        throw new KeyNotFoundException($"No feature is called '{name}'; see FeatureNames for the features a builder produces.");
    }
}

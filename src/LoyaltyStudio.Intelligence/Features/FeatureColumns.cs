namespace LoyaltyStudio.Intelligence.Features;

/// <summary>The column of each fixed feature in a row, in the order of <see cref="FeatureNames.Fixed"/>.</summary>
internal static class FeatureColumns
{
    public static readonly int RecencyDays = Of(FeatureNames.RecencyDays);
    public static readonly int Orders30 = Of(FeatureNames.Orders30);
    public static readonly int Orders90 = Of(FeatureNames.Orders90);
    public static readonly int Orders365 = Of(FeatureNames.Orders365);
    public static readonly int Spend30 = Of(FeatureNames.Spend30);
    public static readonly int Spend90 = Of(FeatureNames.Spend90);
    public static readonly int Spend365 = Of(FeatureNames.Spend365);
    public static readonly int TenureDays = Of(FeatureNames.TenureDays);
    public static readonly int GapMeanDays = Of(FeatureNames.GapMeanDays);
    public static readonly int GapStdDays = Of(FeatureNames.GapStdDays);
    public static readonly int RecencyOverGap = Of(FeatureNames.RecencyOverGap);
    public static readonly int OrdersTrend = Of(FeatureNames.OrdersTrend);
    public static readonly int SpendTrend = Of(FeatureNames.SpendTrend);
    public static readonly int CategoryShift = Of(FeatureNames.CategoryShift);
    public static readonly int ChannelShareOnline = Of(FeatureNames.ChannelShareOnline);
    public static readonly int ChannelShareApp = Of(FeatureNames.ChannelShareApp);
    public static readonly int ChannelShareStore = Of(FeatureNames.ChannelShareStore);
    public static readonly int DiscountShare = Of(FeatureNames.DiscountShare);
    public static readonly int Redemptions365 = Of(FeatureNames.Redemptions365);
    public static readonly int PointsBalance = Of(FeatureNames.PointsBalance);
    public static readonly int AppOpens28 = Of(FeatureNames.AppOpens28);
    public static readonly int AppOpensTrend = Of(FeatureNames.AppOpensTrend);
    public static readonly int Browsing28 = Of(FeatureNames.Browsing28);
    public static readonly int BrowsingTrend = Of(FeatureNames.BrowsingTrend);
    public static readonly int SupportContacts365 = Of(FeatureNames.SupportContacts365);
    public static readonly int SupportBadOutcomes365 = Of(FeatureNames.SupportBadOutcomes365);
    public static readonly int DeliveryComplaints365 = Of(FeatureNames.DeliveryComplaints365);
    public static readonly int OffersReceived365 = Of(FeatureNames.OffersReceived365);
    public static readonly int OfferResponseRate = Of(FeatureNames.OfferResponseRate);

    /// <summary>The first category-share column; the categories follow in catalogue order.</summary>
    public static int FirstCategoryShare => FeatureNames.Fixed.Count;

    private static int Of(string name)
    {
        for (var i = 0; i < FeatureNames.Fixed.Count; i++)
            if (FeatureNames.Fixed[i] == name)
                return i;
        throw new InvalidOperationException($"Feature '{name}' is missing from FeatureNames.Fixed.");
    }
}

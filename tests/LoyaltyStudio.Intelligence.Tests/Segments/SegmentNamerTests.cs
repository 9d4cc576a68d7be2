using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class SegmentNamerTests
{
    private static readonly FeatureContrast[] Ordinary =
    [
        new(FeatureNames.RecencyDays, 30, 30, 0), new(FeatureNames.TenureDays, 400, 400, 0),
        new(FeatureNames.Orders365, 8, 8, 0), new(FeatureNames.Spend365, 200, 200, 0),
        new(FeatureNames.ChannelShareApp, 0.31, 0.31, 0), new(FeatureNames.ChannelShareStore, 0.4, 0.4, 0),
        new(FeatureNames.ChannelShareOnline, 0.29, 0.29, 0), new(FeatureNames.DiscountShare, 0.06, 0.06, 0),
        new(FeatureNames.CategorySharePrefix + "Coffee", 0.2, 0.2, 0),
    ];

    [Fact]
    public void High_app_share_coffee_share_and_order_count_make_app_first_coffee_regulars()
    {
        var profile = Profile(
            new(FeatureNames.ChannelShareApp, 0.78, 0.31, 2.1),
            new(FeatureNames.CategorySharePrefix + "Coffee", 0.52, 0.20, 1.6),
            new(FeatureNames.Orders365, 14, 8, 0.9));

        Assert.Equal("App-first coffee regulars", SegmentNamer.Name(profile));
    }

    [Fact]
    public void Long_recency_and_high_discount_share_make_lapsing_discount_seekers()
    {
        var profile = Profile(
            new(FeatureNames.RecencyDays, 160, 30, 1.8),
            new(FeatureNames.DiscountShare, 0.31, 0.06, 1.4));

        Assert.Equal("Lapsing discount seekers", SegmentNamer.Name(profile));
    }

    [Fact]
    public void Short_tenure_and_store_share_make_new_store_shoppers()
    {
        var profile = Profile(
            new(FeatureNames.TenureDays, 25, 400, -2.2),
            new(FeatureNames.ChannelShareStore, 0.88, 0.40, 1.3));

        Assert.Equal("New store shoppers", SegmentNamer.Name(profile));
    }

    [Fact]
    public void A_category_share_below_its_clear_margin_does_not_name_the_segment()
    {
        var profile = Profile(
            new(FeatureNames.CategorySharePrefix + "Personal care", 0.12, 0.10, 0.3),
            new(FeatureNames.Orders365, 3, 8, -1.1));

        Assert.Equal("Occasional shoppers", SegmentNamer.Name(profile));
    }

    [Fact]
    public void Description_gives_the_share_of_customers_and_the_two_most_distinctive_features_in_numbers()
    {
        var profile = Profile(
            new(FeatureNames.ChannelShareApp, 0.78, 0.31, 2.1),
            new(FeatureNames.CategorySharePrefix + "Coffee", 0.52, 0.20, 1.6),
            new(FeatureNames.Orders365, 14, 8, 0.9));

        var description = SegmentNamer.Describe(profile);

        Assert.Equal("12 % of customers, with app share 78 % vs 31 % and coffee 52 % of spend vs 20 % across all customers.", description);
    }

    [Fact]
    public void Segments_that_would_share_a_name_are_told_apart_deterministically()
    {
        var first = Profile(new(FeatureNames.ChannelShareStore, 0.9, 0.4, 1.5), new(FeatureNames.TenureDays, 30, 400, -1.0),
            new(FeatureNames.CategorySharePrefix + "Coffee", 0.5, 0.2, 0.8));
        var second = Profile(new(FeatureNames.ChannelShareStore, 0.85, 0.4, 1.2), new(FeatureNames.TenureDays, 40, 400, -0.9),
            new(FeatureNames.CategorySharePrefix + "Coffee", 0.3, 0.2, 0.6));
        var third = Profile(new(FeatureNames.ChannelShareStore, 0.8, 0.4, 1.1), new(FeatureNames.TenureDays, 50, 400, -0.8),
            new(FeatureNames.CategorySharePrefix + "Coffee", 0.35, 0.2, 0.7));

        var names = SegmentNamer.NameAll([first, second, third]).Select(n => n.Name).ToList();

        Assert.Equal(["New store shoppers", "New store coffee shoppers", "New store shoppers 2"], names);
        Assert.Equal(names, SegmentNamer.NameAll([first, second, third]).Select(n => n.Name));
    }

    // A profile of 12 % of 1,000 customers where only the given features stand out.
    private static SegmentProfile Profile(params FeatureContrast[] distinctive)
    {
        var features = distinctive.Select(d => d.Feature).ToHashSet();
        return new SegmentProfile(120, 1000, Ordinary.Where(o => !features.Contains(o.Feature)).Concat(distinctive));
    }
}

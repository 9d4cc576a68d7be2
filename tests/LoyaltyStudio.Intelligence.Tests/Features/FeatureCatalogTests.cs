using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Features;

public sealed class FeatureCatalogTests
{
    [Fact]
    public void Every_fixed_feature_has_a_label_and_a_description()
    {
        Assert.Equal(FeatureNames.Fixed, FeatureCatalog.Fixed.Select(d => d.Name));
        Assert.All(FeatureCatalog.Fixed, d => Assert.False(string.IsNullOrWhiteSpace(d.Label) || string.IsNullOrWhiteSpace(d.Description)));
    }

    [Fact]
    public void A_category_share_is_described_with_its_category()
    {
        var description = FeatureCatalog.Describe(FeatureNames.CategorySharePrefix + "Tea");

        Assert.Equal(FeatureUnit.Share, description.Unit);
        Assert.Contains("Tea", description.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_feature_is_refused_by_name()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => FeatureCatalog.Describe("shoe_size"));

        Assert.Contains("shoe_size", error.Message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class FeatureWordingTests
{
    private static readonly FeatureContrast Spend = new(FeatureNames.Spend365, 1234.4, 66.2, 1.8);

    [Fact]
    public void Yearly_spend_reads_as_money_in_the_default_display_culture()
    {
        Assert.Equal("$1,234 spent a year vs $66", FeatureWording.Phrase(Spend));
    }

    [Fact]
    public void Yearly_spend_reads_as_money_in_the_culture_given()
    {
        var phrase = FeatureWording.Phrase(Spend, CultureInfo.GetCultureInfo("de-DE"));

        Assert.Equal($"{1234.4.ToString("C0", CultureInfo.GetCultureInfo("de-DE"))} spent a year vs {66.2.ToString("C0", CultureInfo.GetCultureInfo("de-DE"))}", phrase);
        Assert.Contains("€", phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_stay_plain_numbers()
    {
        Assert.Equal("7.2 orders a year vs 4.5", FeatureWording.Phrase(new FeatureContrast(FeatureNames.Orders365, 7.2, 4.5, 1.1)));
    }
}

using Bunit;
using System.Globalization;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

public sealed class BandSharesTableTests : ShellTestContext
{
    private static readonly ChurnBandShare[] Bands =
    [
        new(ChurnRiskBand.Low, 700, 81_250.40m, 52_000m, 0.7, 0.65, 0.6),
        new(ChurnRiskBand.Medium, 200, 31_000m, 20_800m, 0.2, 0.25, 0.24),
        new(ChurnRiskBand.High, 100, 12_345.60m, 1_200m, 0.1, 0.1, 0.16),
    ];

    [Fact]
    public void Revenue_is_shown_as_money_and_points_with_their_unit()
    {
        var table = Render<BandSharesTable>(p => p.Add(t => t.Bands, Bands).Add(t => t.Culture, CultureInfo.GetCultureInfo("en-US")));

        Assert.Equal("$12,346 (10%)", Text(table.Find("[data-band=High] .ls-band-revenue").TextContent));
        Assert.Equal("$81,250 (65%)", Text(table.Find("[data-band=Low] .ls-band-revenue").TextContent));
        Assert.Equal("1,200 pts (16%)", Text(table.Find("[data-band=High] .ls-band-points").TextContent));
    }

    [Fact]
    public void Revenue_follows_the_display_cultures_currency()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");

        var table = Render<BandSharesTable>(p => p.Add(t => t.Bands, Bands).Add(t => t.Culture, german));

        var revenue = Text(table.Find("[data-band=High] .ls-band-revenue").TextContent);
        Assert.StartsWith(Text(12_345.60m.ToString("C0", german)), revenue, StringComparison.Ordinal);
        Assert.Contains("€", revenue, StringComparison.Ordinal);
    }

    // Markup spacing aside: one space between words, non-breaking spaces kept as the culture wrote them.
    private static string Text(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

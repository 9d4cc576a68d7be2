using Bunit;
using System.Globalization;
using LoyaltyStudio.Web.Features.Segments.Rfm;
using LoyaltyStudio.Web.Tests.TestSupport;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Rfm;

public sealed class RfmGridChartTests : ShellTestContext
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(0, "$0")]
    [InlineData(830.4, "$830")]
    [InlineData(999.6, "$1.0k")]
    [InlineData(3_989, "$4.0k")]
    [InlineData(9_949, "$9.9k")]
    [InlineData(9_950, "$10k")]
    [InlineData(23_456, "$23k")]
    [InlineData(999_499, "$999k")]
    [InlineData(999_500, "$1.0M")]
    [InlineData(1_234_567, "$1.2M")]
    [InlineData(25_000_000, "$25M")]
    [InlineData(-3_989, "-$4.0k")]
    public void Money_in_a_cell_has_one_compact_form_for_every_size(double amount, string expected) =>
        Assert.Equal(expected, RfmGridChart.CompactMoney((decimal)amount, English));

    [Fact]
    public void Compact_money_puts_the_currency_where_the_culture_does()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal("4,0k\u00A0€", RfmGridChart.CompactMoney(3_989m, german));
        Assert.Equal("830\u00A0€", RfmGridChart.CompactMoney(830m, german));
    }

    [Fact]
    public void Cell_labels_and_hover_show_every_amount_in_the_compact_form()
    {
        var cells = (from r in Enumerable.Range(1, 5)
                     from f in Enumerable.Range(1, 5)
                     select new RfmCell(r, f, "Champions", r * f, r == 5 && f == 5 ? 23_456m : r == 1 && f == 1 ? 3_989m : 640m)).ToList();
        var view = new RfmView(new DateTime(2026, 7, 1), cells.Sum(c => c.Customers), cells, [], null);

        var chart = Render<RfmGridChart>(p => p.Add(c => c.View, view).Add(c => c.Culture, English));

        var heatmap = Assert.IsType<HeatMap>(Assert.Single(chart.FindComponent<PlotlyChart>().Instance.Data));
        var labels = heatmap.Text!.Cast<IEnumerable<object>>().SelectMany(row => row).Cast<string>().ToList();
        Assert.Equal(25, labels.Count);
        Assert.Contains("Champions<br>1<br>$4.0k", labels);
        Assert.Contains("Champions<br>25<br>$23k", labels);
        Assert.DoesNotContain(labels, l => l.Contains("$3,989", StringComparison.Ordinal));
        Assert.Equal("%{text}", heatmap.TextTemplate);
        Assert.Contains("%{text}", heatmap.HoverTemplate, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Bunit;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Features.Customers;

public sealed class CustomerProfileViewTests : ShellTestContext
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateTime Signup = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CustomerProfile Profile(bool masked = false, DateTime? rescore = null, bool empty = false, ScoreSummary? score = null)
    {
        var header = new CustomerHeader(7, "CUST-0000007",
            masked ? "J*** S****" : "Jane Smith",
            masked ? "j***@e******.com" : "jane.smith@example.com",
            masked ? "+** **** ****89" : "+44 7123 456789",
            masked, "North", AgeBand.From35To44, Signup, SalesChannel.App,
            new ConsentView(true, false, true, true, Signup), rescore);
        var orders = empty
            ? new CustomerOrdersPage(1, 10, 0, [])
            : new CustomerOrdersPage(1, 10, 12,
                [new OrderRow(1, "J-12", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), SalesChannel.Online, 42m, 0m,
                    [new OrderLineRow("SKU-COF", "Coffee beans", 2, 21m, 0m, 42m)])]);
        return new CustomerProfile(header,
            new TierStanding("SILVER", "Silver", 371m, "Gold", 750m, 379m),
            empty ? new CustomerKpis(0, 0m, null, 0) : new CustomerKpis(12, 371m, new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), 175),
            orders,
            new LatestEntries<EventRow>(empty ? [] : [new EventRow(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), InteractionType.ProductView, SalesChannel.App, "Coffee beans", null)], empty ? 0 : 25),
            new LatestEntries<SupportContactRow>(empty ? [] : [new SupportContactRow(new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc), SupportTopic.Delivery, SupportOutcome.ResolvedLate)], empty ? 0 : 1),
            new LatestEntries<LedgerRow>(empty ? [] : [new LedgerRow(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), PointsEntryType.Adjust, -5, "Correction")], empty ? 0 : 3),
            Score: score);
    }

    private IRenderedComponent<CustomerProfileView> RenderView(CustomerProfile profile) =>
        Render<CustomerProfileView>(p => p.Add(v => v.Profile, profile).Add(v => v.Culture, EnUs));

    [Fact]
    public void Unmasked_profile_shows_name_e_mail_phone_and_figures()
    {
        var view = RenderView(Profile());

        Assert.Equal("Jane Smith", view.Find(".ls-customer-name").TextContent);
        Assert.Equal("jane.smith@example.com", view.Find(".ls-email").TextContent);
        Assert.Equal("+44 7123 456789", view.Find(".ls-phone").TextContent);
        Assert.Empty(view.FindAll(".ls-masked-chip"));
        Assert.Contains("175 pts", view.Find("[data-kpi=points]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$30.92 per order", view.Find("[data-kpi=revenue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$379.00 more to reach Gold", view.Find(".ls-next-tier").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 × Coffee beans", view.Find("[data-order=J-12]").TextContent, StringComparison.Ordinal);
        Assert.Equal("no", view.Find("[data-consent=SMS]").GetAttribute("data-granted"));
        Assert.Equal("yes", view.Find("[data-consent=Profiling]").GetAttribute("data-granted"));
    }

    [Fact]
    public void Masked_profile_shows_only_masked_values_and_says_so()
    {
        var view = RenderView(Profile(masked: true));

        Assert.Equal("J*** S****", view.Find(".ls-customer-name").TextContent);
        Assert.Equal("j***@e******.com", view.Find(".ls-email").TextContent);
        Assert.DoesNotContain("jane.smith", view.Markup, StringComparison.Ordinal);
        Assert.Contains("partly hidden", view.Find(".ls-masked-chip").TextContent, StringComparison.Ordinal);
        Assert.Contains("175 pts", view.Find("[data-kpi=points]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rescoring_notice_appears_only_when_new_data_awaits_scoring()
    {
        var waiting = RenderView(Profile(rescore: new DateTime(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("New data since the last scoring run — waiting to be re-scored", waiting.Find(".ls-rescore-notice").TextContent, StringComparison.Ordinal);

        var current = RenderView(Profile());
        Assert.Empty(current.FindAll(".ls-rescore-notice"));
    }

    [Fact]
    public void Without_scores_the_profile_says_not_scored_yet_and_invents_no_numbers()
    {
        var view = RenderView(Profile());

        Assert.Contains("Not scored yet — the next scoring run will score this customer", view.Find(".ls-customer-scores").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Churn risk", view.Find(".ls-customer-scores").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_show_risk_with_its_reasons_segments_and_ranked_offers()
    {
        var score = new ScoreSummary(82, ChurnRiskBand.High, 0.31, 412.5m, new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc))
        {
            ExpectedPurchases = 3.4,
            ExpectedSpendPerOrder = 21.75m,
            Reasons = ["No purchase for 64 days; usually buys every 12", "App opens down 70 % in the last 4 weeks"],
            RfmSegment = "At risk",
            MicroSegment = "Lapsing coffee regulars",
            Offers = [new OfferSuggestion("10 % off Coffee", "Coffee is 62 % of recent spend", Contactable: false)],
        };

        var scores = RenderView(Profile(score: score)).Find(".ls-customer-scores");

        Assert.Contains("Churn risk 82 / 100 (High)", scores.TextContent, StringComparison.Ordinal);
        Assert.Contains("$413", scores.TextContent, StringComparison.Ordinal);
        Assert.Contains("3.4 orders expected at $21.75", scores.TextContent, StringComparison.Ordinal);
        Assert.Equal(["No purchase for 64 days; usually buys every 12", "App opens down 70 % in the last 4 weeks"],
            scores.QuerySelectorAll(".ls-churn-reasons li").Select(li => li.TextContent.Trim()));
        Assert.Contains("RFM: At risk", scores.QuerySelector(".ls-rfm-segment")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Segment: Lapsing coffee regulars", scores.QuerySelector(".ls-micro-segment")!.TextContent, StringComparison.Ordinal);
        var offer = Assert.Single(scores.QuerySelectorAll(".ls-next-offers li"));
        Assert.Contains("10 % off Coffee — Coffee is 62 % of recent spend", offer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(offer.QuerySelector(".ls-not-contactable"));
        Assert.Empty(scores.QuerySelectorAll(".ls-not-scored"));
    }

    [Fact]
    public void A_customer_without_history_gets_empty_states()
    {
        var view = RenderView(Profile(empty: true));

        Assert.Equal("No orders yet.", view.Find(".ls-customer-orders .ls-no-orders").TextContent);
        Assert.Equal(3, view.FindAll(".ls-empty").Count);
        Assert.Contains("never", view.Find("[data-kpi=last-purchase]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No orders yet", view.Find("[data-kpi=revenue]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_one_page_of_orders_offers_paging_and_asks_for_the_chosen_page()
    {
        var asked = new List<int>();
        var view = Render<CustomerProfileView>(p => p.Add(v => v.Profile, Profile()).Add(v => v.Culture, EnUs)
            .Add(v => v.OrdersPageRequested, page => asked.Add(page)));

        view.FindAll(".ls-orders-pages button").Single(b => b.TextContent.Trim() == "2").Click();

        Assert.Equal([2], asked);
    }

    [Fact]
    public void Long_lists_say_how_many_of_how_many_are_shown()
    {
        var view = RenderView(Profile());

        Assert.Contains("newest 1 of 25", view.Find(".ls-customer-events").TextContent, StringComparison.Ordinal);
    }
}

using System.Security.Claims;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Web.Features.Segments.Explorer;
using LoyaltyStudio.Web.Identity;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Explorer;

public sealed class SegmentExplorerServiceTests : IAsyncLifetime
{
    private static readonly ServiceProvider AuthorizationServices = BuildAuthorization();
    private TempSqliteDatabase _database = null!;
    private SegmentExplorerShop _shop = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateMigratedAsync();
        _shop = await SegmentExplorerShop.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ServiceProvider BuildAuthorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(AreaPolicies.Register);
        return services.BuildServiceProvider();
    }

    private static ClaimsPrincipal UserIn(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"{role}@test"), new Claim(ClaimTypes.Role, role)], "test"));

    private SegmentExplorerService Service() =>
        new(_database.Factory, AuthorizationServices.GetRequiredService<IAuthorizationService>());

    private async Task<SegmentDetail> CoffeeLoversAsync()
    {
        var lookup = await Service().GetSegmentAsync(_shop.CoffeeLovers);
        Assert.Equal(SegmentLookupStatus.Found, lookup.Status);
        return lookup.Detail!;
    }

    [Fact]
    public async Task Before_the_first_scoring_run_there_is_no_map_and_no_segment()
    {
        await using var empty = await TempSqliteDatabase.CreateMigratedAsync();
        var service = new SegmentExplorerService(empty.Factory, AuthorizationServices.GetRequiredService<IAuthorizationService>());

        Assert.Null(await service.GetMapAsync());
        Assert.Equal(SegmentLookupStatus.NoScoringRun, (await service.GetSegmentAsync(1)).Status);
        Assert.Equal(0, (await service.GetMembersAsync(UserIn(Roles.Admin), 1, new SegmentMemberQuery())).TotalCount);
    }

    [Fact]
    public async Task The_map_lists_the_current_micro_segments_largest_first_then_the_retired_ones()
    {
        var map = (await Service().GetMapAsync())!;

        Assert.Equal(_shop.SecondRun, map.Current.Id);
        Assert.Equal(_shop.FirstRun, map.Previous!.Id);
        Assert.Equal(6, map.ScoredCustomers);
        Assert.Equal(["Coffee lovers", "Newcomers", "Tea drinkers", "Old timers"], map.Segments.Select(s => s.Name));
        Assert.DoesNotContain(map.Segments, s => s.Name == "Champions");
        Assert.Equal(["Coffee lovers", "Newcomers", "Tea drinkers"], map.Live.Select(s => s.Name));
    }

    [Fact]
    public async Task Each_map_row_carries_members_share_averages_and_the_change_since_the_previous_run()
    {
        var rows = (await Service().GetMapAsync())!.Segments.ToDictionary(s => s.Name);

        var coffee = rows["Coffee lovers"];
        Assert.Equal(4, coffee.Members);
        Assert.Equal(4.0 / 6, coffee.Share, 6);
        Assert.Equal(250m, coffee.AverageLifetimeValue);
        Assert.Equal(42.5, coffee.AverageChurnScore);
        Assert.Equal((SegmentChangeKind.Changed, 1, "+1"), (coffee.Change.Kind, coffee.Change.Delta, coffee.Change.Text));
        Assert.Equal((SegmentChangeKind.Changed, 0), (rows["Tea drinkers"].Change.Kind, rows["Tea drinkers"].Change.Delta));
        Assert.Equal(("new segment", 1), (rows["Newcomers"].Change.Text, rows["Newcomers"].Change.Delta));
        var retired = rows["Old timers"];
        Assert.Equal((SegmentChangeKind.Retired, 0, -1, "retired"), (retired.Change.Kind, retired.Members, retired.Change.Delta, retired.Change.Text));
    }

    [Fact]
    public async Task A_segment_page_has_members_share_averages_and_the_members_revenue()
    {
        var detail = await CoffeeLoversAsync();

        Assert.Equal("Coffee lovers", detail.Name);
        Assert.Equal("Buy coffee often.", detail.Description);
        var kpis = detail.Kpis!;
        Assert.Equal(4, kpis.Members);
        Assert.Equal(4.0 / 6, kpis.Share, 6);
        Assert.Equal(250m, kpis.AverageLifetimeValue);
        Assert.Equal(42.5, kpis.AverageChurnScore);
        Assert.Equal(200m, kpis.Revenue365);
        Assert.Equal(1, kpis.Change.Delta);
    }

    [Fact]
    public async Task The_profile_lists_the_most_distinctive_features_first_in_words()
    {
        var detail = await CoffeeLoversAsync();

        Assert.Equal(["category_share:Coffee", "recency_days", "channel_share_app"], detail.Contrasts.Select(c => c.Feature));
        var coffee = detail.Contrasts[0];
        Assert.Equal("Coffee share", coffee.Label);
        Assert.Equal("coffee 80 % of spend vs 40 %", coffee.Phrase);
        Assert.Equal(1.9, coffee.StandardisedDifference);
    }

    [Fact]
    public async Task The_rfm_mix_counts_members_per_named_rfm_segment()
    {
        var detail = await CoffeeLoversAsync();

        Assert.Equal([new NamedCount("Champions", 3), new NamedCount("Lost", 1)], detail.RfmMix);
    }

    [Fact]
    public async Task Transitions_show_who_stayed_came_from_where_and_left_for_where()
    {
        var transitions = (await CoffeeLoversAsync()).Transitions!;

        Assert.Equal(1, transitions.Stayed); // Ann
        Assert.Equal(
            [(FlowEndKind.NewCustomers, "New customers", 1), (FlowEndKind.NoSegment, "No segment before", 1), (FlowEndKind.Segment, "Tea drinkers", 1)],
            transitions.Inflows.Select(f => (f.Kind, f.Label, f.Customers)));
        Assert.Equal(_shop.TeaDrinkers, transitions.Inflows.Single(f => f.Kind == FlowEndKind.Segment).SegmentId);
        Assert.Equal(
            [(FlowEndKind.NotScored, "Not scored now", 1), (FlowEndKind.Segment, "Tea drinkers", 1)],
            transitions.Outflows.Select(f => (f.Kind, f.Label, f.Customers)));
        Assert.Equal((3, 2), (transitions.Joined, transitions.Left));
    }

    [Fact]
    public async Task A_retired_segment_is_found_and_says_where_its_members_went()
    {
        var lookup = await Service().GetSegmentAsync(_shop.OldTimers);

        var detail = lookup.Detail!;
        Assert.NotNull(detail.RetiredAt);
        Assert.False(detail.InCurrentRun);
        Assert.Empty(detail.RfmMix);
        Assert.Equal(0, detail.Transitions!.Stayed);
        Assert.Equal([("Newcomers", 1)], detail.Transitions.Outflows.Select(f => (f.Label, f.Customers)));
    }

    [Fact]
    public async Task An_unknown_segment_id_is_reported_as_unknown()
    {
        var lookup = await Service().GetSegmentAsync(987_654);

        Assert.Equal(SegmentLookupStatus.UnknownSegment, lookup.Status);
        Assert.Null(lookup.Detail);
    }

    [Fact]
    public async Task Members_are_paged_riskiest_first_by_default()
    {
        var first = await Service().GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Page: 0, PageSize: 3));
        var second = await Service().GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Page: 1, PageSize: 3));

        Assert.Equal(4, first.TotalCount);
        Assert.Equal(["Fay Fisher", "Cat Carter", "Gus Green"], first.Rows.Select(r => r.Name));
        Assert.Equal(["Ann Archer"], second.Rows.Select(r => r.Name));
        var fay = first.Rows[0];
        Assert.Equal((80, ChurnRiskBand.High, 100m, 20m, (int?)null, "CUST-006"), (fay.ChurnScore, fay.Band, fay.PredictedLifetimeValue, fay.Spend365, fay.DaysSinceLastPurchase, fay.ExternalId));
    }

    [Theory]
    [InlineData(SegmentMemberSort.ChurnScore, false, new[] { "Ann", "Gus", "Cat", "Fay" })]
    [InlineData(SegmentMemberSort.LifetimeValue, true, new[] { "Ann", "Cat", "Fay", "Gus" })]
    [InlineData(SegmentMemberSort.Spend365, false, new[] { "Fay", "Gus", "Cat", "Ann" })]
    [InlineData(SegmentMemberSort.LastPurchase, true, new[] { "Fay", "Gus", "Cat", "Ann" })]
    [InlineData(SegmentMemberSort.LastPurchase, false, new[] { "Ann", "Cat", "Gus", "Fay" })]
    public async Task Members_sort_by_each_column(SegmentMemberSort sort, bool descending, string[] expected)
    {
        var page = await Service().GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(SortBy: sort, Descending: descending));

        Assert.Equal(expected.Select(n => _shop.Customer[n]), page.Rows.Select(r => r.CustomerId));
    }

    [Fact]
    public async Task Members_filter_by_risk_band_and_by_name()
    {
        var service = Service();
        var low = await service.GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Band: ChurnRiskBand.Low));
        var byName = await service.GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Search: "carter"));
        var notAMember = await service.GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Search: "Baker"));

        Assert.Equal(2, low.TotalCount);
        Assert.Equal(["Gus Green", "Ann Archer"], low.Rows.Select(r => r.Name));
        Assert.Equal(["Cat Carter"], byName.Rows.Select(r => r.Name));
        Assert.Equal(0, notAMember.TotalCount);
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Manager)]
    public async Task Masked_roles_see_masked_names_and_search_by_external_id_only(string role)
    {
        var service = Service();
        var all = await service.GetMembersAsync(UserIn(role), _shop.CoffeeLovers, new SegmentMemberQuery());
        var byName = await service.GetMembersAsync(UserIn(role), _shop.CoffeeLovers, new SegmentMemberQuery(Search: "Carter"));
        var byId = await service.GetMembersAsync(UserIn(role), _shop.CoffeeLovers, new SegmentMemberQuery(Search: "cust-003"));

        Assert.True(all.Masked);
        Assert.Equal(["F** F*****", "C** C*****", "G** G****", "A** A*****"], all.Rows.Select(r => r.Name));
        Assert.Equal(0, byName.TotalCount);
        Assert.Equal([_shop.Customer["Cat"]], byId.Rows.Select(r => r.CustomerId));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_and_a_too_long_search_is_refused()
    {
        var service = Service();
        var beyond = await service.GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Page: 9, PageSize: 3));
        var tooLong = await service.GetMembersAsync(UserIn(Roles.Admin), _shop.CoffeeLovers, new SegmentMemberQuery(Search: new string('x', 101)));

        Assert.Equal(["Ann Archer"], beyond.Rows.Select(r => r.Name));
        Assert.Empty(tooLong.Rows);
        Assert.Contains("at most 100", tooLong.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purchase_mix_sums_the_members_orders_of_the_year_before_the_cut_off()
    {
        var mix = await Service().GetPurchaseMixAsync(_shop.CoffeeLovers);

        Assert.Equal([new MixEntry("App", 30m, 1), new MixEntry("Online", 20m, 1), new MixEntry("Store", 18m, 1)], mix.Channels);
        Assert.Equal([new MixEntry("Coffee", 60m, 3), new MixEntry("Tea", 8m, 1)], mix.Categories);
    }
}

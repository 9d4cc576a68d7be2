using System.Security.Claims;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Identity;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Customers;

public sealed class CustomerLookupServiceTests : IAsyncLifetime
{
    // Today is 15 March 2026; the qualifying window is the 365 days up to now.
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private static readonly ServiceProvider AuthorizationServices = BuildAuthorization();
    private TempSqliteDatabase _database = null!;
    private long _jane, _john, _ana;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateMigratedAsync();
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime Utc(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    private static ServiceProvider BuildAuthorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(AreaPolicies.Register);
        return services.BuildServiceProvider();
    }

    private static ClaimsPrincipal UserIn(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"{role}@test"), new Claim(ClaimTypes.Role, role)], "test"));

    private CustomerLookupService Service() =>
        new(_database.Factory, AuthorizationServices.GetRequiredService<IAuthorizationService>(), Clock);

    private async Task SeedAsync()
    {
        await using var db = _database.Factory.CreateDbContext();
        db.Tiers.AddRange(TierRules.Standard.Tiers.Select(t => new Tier(t.Code, t.Name, t.Rank, t.QualifyingSpend, t.PointsPerCurrencyUnit)));
        var category = new Category("DRINK", "Drinks");
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        var coffee = new Product("SKU-COF", "Coffee beans", category.Id, 10m);
        db.Products.Add(coffee);

        var jane = new Customer("CUST-0000001", "Jane", "Smith", "jane.smith@example.com", "+44 7123 456789",
            AgeBand.From35To44, "North", Utc(2024, 5, 1), SalesChannel.App, new Consent(true, false, true, true, Utc(2024, 5, 1)));
        var john = new Customer("CUST-0000002", "John", "Smithers", "jsmithers@mail.test", null,
            AgeBand.Under25, "South", Utc(2025, 1, 1), SalesChannel.Store, Consent.None(Utc(2025, 1, 1)));
        var ana = new Customer("ZX-77", "Ana", "Jones", "ana@example.org", "+1 555 0100",
            AgeBand.From65, "West", Utc(2023, 3, 3), SalesChannel.Online, Consent.None(Utc(2023, 3, 3)));
        jane.MoveToTier(TierRules.Standard.ByCode("SILVER"));
        jane.MarkForRescoring(Utc(2026, 3, 14, 9));
        db.Customers.AddRange(jane, john, ana);
        await db.SaveChangesAsync();
        (_jane, _john, _ana) = (jane.Id, john.Id, ana.Id);

        // Jane: 12 orders, one a month from April 2025 to March 2026 (all inside the window), plus one from 2024 outside it.
        for (var i = 0; i < 12; i++)
        {
            var order = new Order($"J-{i + 1:D2}", jane.Id, Utc(2025, 4, 1).AddMonths(i), SalesChannel.Online);
            order.AddLine(coffee.Id, 2, 10m + i, discount: i == 0 ? 1m : 0m);
            db.Orders.Add(order);
        }
        var old = new Order("J-OLD", jane.Id, Utc(2024, 6, 1), SalesChannel.Store);
        old.AddLine(coffee.Id, 1, 500m);
        db.Orders.Add(old);
        var johns = new Order("S-1", john.Id, Utc(2026, 2, 1), SalesChannel.Store);
        johns.AddLine(coffee.Id, 3, 10m);
        db.Orders.Add(johns);

        for (var i = 0; i < 25; i++)
            db.InteractionEvents.Add(new InteractionEvent(jane.Id, Utc(2026, 1, 1).AddHours(i), InteractionType.ProductView, SalesChannel.App, coffee.Id));
        db.SupportContacts.Add(new SupportContact(jane.Id, Utc(2026, 2, 2), SupportTopic.Delivery, SupportOutcome.ResolvedLate));
        var ledger = new PointsLedger(jane.Id);
        db.PointsLedger.AddRange(ledger.Earn(300, Utc(2025, 5, 1)), ledger.Redeem(120, Utc(2025, 9, 1)), ledger.Adjust(-5, Utc(2026, 1, 1), "Correction"));
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("smith")]             // last name prefix, lower case
    [InlineData("SMITH")]             // upper case
    [InlineData("Jane Sm")]           // first and last name
    [InlineData("Smith, Ja")]         // last, first
    [InlineData("jane.sm")]           // e-mail prefix
    [InlineData("JANE.SMITH@EXAMPLE")] // e-mail, other case
    [InlineData("cust-0000001")]      // external id, other case
    [InlineData("+44 7123")]          // phone prefix
    public async Task Support_finds_a_customer_by_each_field_case_insensitively(string term)
    {
        var result = await Service().SearchAsync(UserIn(Roles.Support), term);

        Assert.Contains(result.Rows, r => r.Id == _jane);
        Assert.DoesNotContain(result.Rows, r => r.Id == _ana);
        Assert.False(result.Masked);
    }

    [Fact]
    public async Task A_last_name_prefix_finds_every_customer_it_starts_and_shows_their_order_figures()
    {
        var result = await Service().SearchAsync(UserIn(Roles.Admin), "smi");

        Assert.Equal([_jane, _john], result.Rows.Select(r => r.Id));
        var jane = result.Rows[0];
        Assert.Equal("Jane Smith", jane.Name);
        Assert.Equal("jane.smith@example.com", jane.Email);
        Assert.Equal("Silver", jane.TierName);
        Assert.Equal(13, jane.Orders);
        Assert.Equal(Utc(2026, 3, 1), jane.LastOrderAt);
        Assert.Equal(1, result.Rows[1].Orders);
    }

    [Fact]
    public async Task Like_wildcards_in_the_term_are_taken_literally()
    {
        var result = await Service().SearchAsync(UserIn(Roles.Admin), "%");

        Assert.Empty(result.Rows);
        Assert.True(result.Searched);
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Manager)]
    public async Task Masked_roles_see_partly_hidden_names_and_e_mail(string role)
    {
        var result = await Service().SearchAsync(UserIn(role), "CUST-0000001");

        var row = Assert.Single(result.Rows);
        Assert.True(result.Masked);
        Assert.Equal("J*** S****", row.Name);
        Assert.Equal("j***@e******.com", row.Email);
        Assert.Equal("CUST-0000001", row.ExternalId);
        Assert.Equal(13, row.Orders);
    }

    [Fact]
    public async Task Masked_roles_cannot_search_by_name_or_e_mail_because_that_would_reveal_them()
    {
        var byName = await Service().SearchAsync(UserIn(Roles.Marketer), "Smith");
        var byEmail = await Service().SearchAsync(UserIn(Roles.Marketer), "jane.smith@example.com");

        Assert.Empty(byName.Rows);
        Assert.Empty(byEmail.Rows);
    }

    [Fact]
    public async Task A_search_returns_at_most_fifty_rows_and_says_there_are_more()
    {
        await using (var db = _database.Factory.CreateDbContext())
        {
            db.Customers.AddRange(Enumerable.Range(1, 60).Select(i => new Customer($"BULK-{i:D3}", "Bo", $"Bulk{i:D3}", null, null,
                AgeBand.Unknown, "East", Utc(2025, 1, 1), SalesChannel.Online, Consent.None(Utc(2025, 1, 1)))));
            await db.SaveChangesAsync();
        }

        var result = await Service().SearchAsync(UserIn(Roles.Support), "bulk");

        Assert.Equal(CustomerSearchResult.MaxResults, result.Rows.Count);
        Assert.True(result.HasMore);
        Assert.Equal("Bo Bulk001", result.Rows[0].Name);
    }

    [Fact]
    public async Task A_too_long_term_is_refused_with_a_message()
    {
        var result = await Service().SearchAsync(UserIn(Roles.Support), new string('a', 101));

        Assert.Empty(result.Rows);
        Assert.Contains("at most 100", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_is_answered_from_the_customer_indexes()
    {
        await using var db = _database.Factory.CreateDbContext();
        var sql = db.Customers.Where(CustomerSearchTerm.AnyFieldStartsWith("smi")).Select(c => c.Id).ToQueryString();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters as .param lines; SQLite's EXPLAIN needs them bound instead.
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim().Trim('\''));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith('.')));
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_Customers_LastName_FirstName", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_Customers_Email", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_Customers_ExternalId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_aggregates_are_exact()
    {
        var profile = await Service().GetProfileAsync(UserIn(Roles.Support), _jane);

        Assert.NotNull(profile);
        // 12 monthly orders of 2 × (10 + i), minus a 1.00 discount on the first, plus the 500 order of 2024.
        var monthly = Enumerable.Range(0, 12).Sum(i => 2 * (10m + i)) - 1m;
        Assert.Equal(13, profile.Kpis.Orders);
        Assert.Equal(monthly + 500m, profile.Kpis.Revenue);
        Assert.Equal(Math.Round((monthly + 500m) / 13, 2), profile.Kpis.AverageOrderValue);
        Assert.Equal(Utc(2026, 3, 1), profile.Kpis.LastPurchaseAt);
        Assert.Equal(175, profile.Kpis.PointsBalance);
    }

    [Fact]
    public async Task Profile_shows_the_current_runs_score_with_reasons_segments_and_offers_and_ignores_older_runs()
    {
        Assert.Null((await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!.Score);
        await using (var db = _database.Factory.CreateDbContext())
        {
            var old = new ScoringRun(Utc(2026, 2, 1), Utc(2026, 2, 1), "test");
            var current = new ScoringRun(Utc(2026, 3, 1), Utc(2026, 3, 1), "test");
            var segment = new Segment(SegmentKind.Micro, "micro:1", "Lapsing coffee regulars", "", Utc(2026, 3, 1));
            var rfm = new Segment(SegmentKind.Rfm, "rfm:at-risk", "At risk", "", Utc(2026, 3, 1));
            db.AddRange(old, current, segment, rfm);
            await db.SaveChangesAsync();
            foreach (var run in new[] { old, current })
            {
                run.Succeed(run.StartedAt, 1, "{}");
            }
            current.MakeCurrent();
            db.CustomerScores.Add(new CustomerScore(old.Id, _jane, 0.05, ChurnRiskThresholds.Default, "[]", 0.9, 5, 20m, 900m,
                new RfmScore(5, 5, 5), null, null, "[]"));
            db.CustomerScores.Add(new CustomerScore(current.Id, _jane, 0.82, ChurnRiskThresholds.Default,
                """[{"feature":"recency_days","contribution":1.5,"sentence":"No purchase for 14 days; usually buys every 30"}]""",
                0.31, 3.4, 21.75m, 412.5m, new RfmScore(2, 3, 4), segment.Id, rfm.Id,
                """[{"kind":"favouriteCategory","title":"10 % off Drinks","reason":"Drinks is 100 % of recent spend","expectedValue":0.5,"cost":0.1,"contactable":false}]"""));
            await db.SaveChangesAsync();
        }

        var score = (await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!.Score;

        Assert.NotNull(score);
        Assert.Equal(82, score.ChurnScore);
        Assert.Equal(Utc(2026, 3, 1), score.ScoredAt);
        Assert.Equal(412.5m, score.PredictedLifetimeValue);
        Assert.Equal(21.75m, score.ExpectedSpendPerOrder);
        Assert.Equal(["No purchase for 14 days; usually buys every 30"], score.Reasons);
        Assert.Equal("Lapsing coffee regulars", score.MicroSegment);
        Assert.Equal("At risk", score.RfmSegment);
        Assert.Equal([new OfferSuggestion("10 % off Drinks", "Drinks is 100 % of recent spend", Contactable: false)], score.Offers);
    }

    [Fact]
    public async Task Tier_progress_uses_qualifying_spend_of_the_last_365_days()
    {
        var tier = (await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!.Tier;

        var monthly = Enumerable.Range(0, 12).Sum(i => 2 * (10m + i)) - 1m; // 371; the 2024 order is outside the window
        Assert.Equal("Silver", tier.Name);
        Assert.Equal(monthly, tier.QualifyingSpend);
        Assert.Equal("Gold", tier.NextTierName);
        Assert.Equal(750m - monthly, tier.SpendToNextTier);
        Assert.Equal((double)(monthly / 750m) * 100, tier.ProgressPercent, 6);
    }

    [Fact]
    public async Task Profile_is_masked_for_a_marketer_and_full_for_support()
    {
        var masked = (await Service().GetProfileAsync(UserIn(Roles.Marketer), _jane))!.Header;
        var full = (await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!.Header;

        Assert.True(masked.Masked);
        Assert.Equal("J*** S****", masked.Name);
        Assert.Equal("j***@e******.com", masked.Email);
        Assert.Equal("+** **** ****89", masked.Phone);
        Assert.False(full.Masked);
        Assert.Equal("Jane Smith", full.Name);
        Assert.Equal("jane.smith@example.com", full.Email);
        Assert.Equal("+44 7123 456789", full.Phone);
    }

    [Fact]
    public async Task Orders_are_paged_newest_first_with_their_lines()
    {
        var service = Service();
        var first = (await service.GetProfileAsync(UserIn(Roles.Support), _jane))!.Orders;
        var second = await service.GetOrdersAsync(_jane, 2);

        Assert.Equal(13, first.TotalOrders);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(CustomerLookupService.OrdersPageSize, first.Orders.Count);
        Assert.Equal("J-12", first.Orders[0].OrderNumber);
        Assert.Equal(["J-02", "J-01", "J-OLD"], second.Orders.Select(o => o.OrderNumber));
        var line = Assert.Single(second.Orders[1].Lines);
        Assert.Equal(("Coffee beans", 2, 10m, 1m, 19m), (line.Product, line.Quantity, line.UnitPrice, line.Discount, line.LineTotal));
    }

    [Fact]
    public async Task Events_are_capped_to_the_newest_and_counted_in_full()
    {
        var profile = (await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!;

        Assert.Equal(CustomerLookupService.LatestEntriesShown, profile.Events.Items.Count);
        Assert.Equal(25, profile.Events.Total);
        Assert.Equal(Utc(2026, 1, 1).AddHours(24), profile.Events.Items[0].OccurredAt);
        Assert.Equal("Coffee beans", profile.Events.Items[0].Product);
        Assert.Equal(SupportOutcome.ResolvedLate, Assert.Single(profile.SupportContacts.Items).Outcome);
        Assert.Equal([-5, -120, 300], profile.Ledger.Items.Select(l => l.Points));
    }

    [Fact]
    public async Task Rescoring_mark_and_missing_scores_reach_the_profile()
    {
        var jane = (await Service().GetProfileAsync(UserIn(Roles.Support), _jane))!;
        var ana = (await Service().GetProfileAsync(UserIn(Roles.Support), _ana))!;

        Assert.Equal(Utc(2026, 3, 14, 9), jane.Header.RescoreRequestedAt);
        Assert.Null(ana.Header.RescoreRequestedAt);
        Assert.Null(jane.Score);
        Assert.Equal(0, ana.Kpis.Orders);
        Assert.Null(ana.Kpis.AverageOrderValue);
        Assert.Equal(0, ana.Orders.TotalOrders);
    }

    [Fact]
    public async Task An_unknown_customer_has_no_profile()
    {
        Assert.Null(await Service().GetProfileAsync(UserIn(Roles.Support), 987_654));
    }
}

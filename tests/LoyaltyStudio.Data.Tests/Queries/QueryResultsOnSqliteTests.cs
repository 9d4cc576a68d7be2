using LoyaltyStudio.Data.Queries;
using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Queries;

/// <summary>The main queries run on a real SQLite file holding a small, hand-made data set with known answers.</summary>
public sealed class QueryResultsOnSqliteTests : IAsyncLifetime
{
    private static DateTime Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase _db = null!;
    private Customer _ada = null!;
    private Customer _byron = null!;
    private Customer _grace = null!;
    private ScoringRun _olderRun = null!;
    private ScoringRun _latestRun = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
        _ada = Sample.Customer("C-1", "Ada", "Lovelace", "ada@example.test");
        _byron = Sample.Customer("C-2", "Byron", "Lovelace", "byron@example.test");
        _grace = Sample.Customer("C-3", "Grace", "Hopper", "grace@example.test");
        await _db.AddAsync(_ada, _byron, _grace);
        var category = (await _db.AddAsync(new Category("TEA", "Tea")))[0];
        var product = (await _db.AddAsync(new Product("TEA-1", "Green tea", category.Id, 1m)))[0];

        Order OrderOf(string number, Customer customer, DateTime at, SalesChannel channel, decimal total)
        {
            var order = new Order(number, customer.Id, at, channel);
            order.AddLine(product.Id, 1, total);
            return order;
        }

        await _db.AddAsync(
            OrderOf("O-1", _ada, Utc(2025, 1, 10), SalesChannel.Online, 10.50m),
            OrderOf("O-2", _ada, Utc(2025, 1, 20), SalesChannel.App, 20.25m),
            OrderOf("O-3", _ada, Utc(2025, 2, 5), SalesChannel.Online, 5.00m),
            OrderOf("O-4", _byron, Utc(2025, 1, 15), SalesChannel.Online, 100.10m),
            OrderOf("O-5", _byron, Utc(2025, 2, 28, 23), SalesChannel.Store, 7.77m),
            OrderOf("O-6", _byron, new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc), SalesChannel.Online, 999m),
            OrderOf("O-7", _grace, Utc(2025, 3, 1, 0), SalesChannel.Online, 50m));

        var adaPoints = new PointsLedger(_ada.Id);
        var byronPoints = new PointsLedger(_byron.Id);
        await _db.AddAsync(
            adaPoints.Earn(100, Utc(2025, 1, 10)),
            adaPoints.Redeem(30, Utc(2025, 1, 20)),
            adaPoints.Expire(10, Utc(2025, 2, 1)),
            byronPoints.Earn(50, Utc(2025, 1, 15)));

        _olderRun = new ScoringRun(Utc(2025, 1, 31), Utc(2025, 2, 1), "test");
        _olderRun.Succeed(Utc(2025, 2, 1, 13), 1, "{}");
        _olderRun.MakeCurrent();
        _latestRun = new ScoringRun(Utc(2025, 2, 28), Utc(2025, 3, 1), "test");
        _latestRun.Succeed(Utc(2025, 3, 1, 13), 2, "{}");
        var failedRun = new ScoringRun(Utc(2025, 3, 31), Utc(2025, 4, 1), "test");
        failedRun.Fail(Utc(2025, 4, 1, 13), "out of memory");
        await _db.AddAsync(_olderRun, _latestRun, failedRun);

        CustomerScore Score(ScoringRun run, Customer customer, double churn) =>
            new(run.Id, customer.Id, churn, ChurnRiskThresholds.Default, "[]", 0.5, 1.0, 60m, 120m, new RfmScore(3, 3, 3), null, null, "[]");
        await _db.AddAsync(
            Score(_olderRun, _ada, 0.10),
            Score(_latestRun, _byron, 0.30),
            Score(_latestRun, _ada, 0.80));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Customer_lookup_by_email_finds_exactly_that_customer()
    {
        await using var context = _db.CreateContext();

        var found = await context.CustomersByEmail(" byron@example.test ").ToListAsync();

        Assert.Equal(["C-2"], found.Select(c => c.ExternalId));
    }

    [Fact]
    public async Task Customer_lookup_by_name_finds_prefix_matches_in_name_order()
    {
        await using var context = _db.CreateContext();

        var byLastName = await context.CustomersByName("Love").Select(c => c.FirstName).ToListAsync();
        var byBothNames = await context.CustomersByName("Love", "By").Select(c => c.FirstName).ToListAsync();

        Assert.Equal(["Ada", "Byron"], byLastName);
        Assert.Equal(["Byron"], byBothNames);
    }

    [Fact]
    public async Task Orders_of_a_customer_are_those_in_the_window_newest_first()
    {
        await using var context = _db.CreateContext();

        var orders = await context.OrdersOfCustomer(_ada.Id, Utc(2025, 1, 1, 0), Utc(2025, 2, 1, 0)).ToListAsync();

        Assert.Equal(["O-2", "O-1"], orders.Select(o => o.ExternalId));
        Assert.All(orders, o => Assert.Equal(DateTimeKind.Utc, o.OrderedAt.Kind));
    }

    [Fact]
    public async Task Monthly_revenue_by_channel_sums_the_orders_of_each_month_and_channel()
    {
        await using var context = _db.CreateContext();

        var rows = await context.MonthlyRevenueByChannel(Utc(2025, 1, 1, 0), Utc(2025, 3, 1, 0)).ToListAsync();

        Assert.Equal(
            [
                new MonthlyChannelRevenue(2025, 1, SalesChannel.App, 20.25m, 1),
                new MonthlyChannelRevenue(2025, 1, SalesChannel.Online, 110.60m, 2),
                new MonthlyChannelRevenue(2025, 2, SalesChannel.Online, 5.00m, 1),
                new MonthlyChannelRevenue(2025, 2, SalesChannel.Store, 7.77m, 1),
            ],
            rows);
    }

    [Fact]
    public async Task Points_balance_is_the_sum_of_the_customers_ledger()
    {
        await using var context = _db.CreateContext();

        Assert.Equal(60, await context.PointsBalanceAsync(_ada.Id, CancellationToken.None));
        Assert.Equal(50, await context.PointsBalanceAsync(_byron.Id, CancellationToken.None));
        Assert.Equal(0, await context.PointsBalanceAsync(_grace.Id, CancellationToken.None));
        Assert.Equal(110, await context.PointsLiabilityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Latest_scores_come_from_the_newest_succeeded_run_highest_risk_first()
    {
        await using var context = _db.CreateContext();

        var scores = await context.LatestScores().ToListAsync();

        Assert.All(scores, s => Assert.Equal(_latestRun.Id, s.ScoringRunId));
        Assert.Equal([_ada.Id, _byron.Id], scores.Select(s => s.CustomerId));
        Assert.Equal([80, 30], scores.Select(s => s.ChurnScore));
        Assert.Equal(ChurnRiskBand.High, scores[0].ChurnRiskBand);
    }

    [Fact]
    public async Task Current_scores_come_from_the_run_marked_current()
    {
        await using var context = _db.CreateContext();

        var scores = await context.CurrentScores().ToListAsync();

        var score = Assert.Single(scores);
        Assert.Equal((_olderRun.Id, _ada.Id), (score.ScoringRunId, score.CustomerId));
        Assert.Equal(120m, score.PredictedLifetimeValue);
    }

    [Fact]
    public async Task A_second_score_for_the_same_customer_in_the_same_run_is_refused()
    {
        var duplicate = new CustomerScore(_latestRun.Id, _ada.Id, 0.5, ChurnRiskThresholds.Default, "[]", 0.5, 1.0, 1m, 1m, new RfmScore(3, 3, 3), null, null, "[]");

        await Assert.ThrowsAsync<DbUpdateException>(() => _db.AddAsync(duplicate));
    }
}

using LoyaltyStudio.Data.Queries;
using LoyaltyStudio.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Queries;

/// <summary>SQL Server cannot run here, so the main queries are translated (never executed) with its provider.</summary>
public class SqlServerTranslationTests
{
    private static readonly DateTime From = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Customer_lookup_by_email_translates_to_an_equality_on_the_email_column()
    {
        using var db = SqlServerDesignContext.Create();

        var sql = db.CustomersByEmail("ada@example.test").ToQueryString();

        Assert.Contains("FROM [Customers]", sql, StringComparison.Ordinal);
        Assert.Contains("[c].[Email] = @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_lookup_by_name_translates_to_prefix_matches_ordered_by_name()
    {
        using var db = SqlServerDesignContext.Create();

        var sql = db.CustomersByName("Love", "A").Take(20).ToQueryString();

        Assert.Contains("[c].[LastName] LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("[c].[FirstName] LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[LastName], [c].[FirstName]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_of_a_customer_by_date_translate_to_a_filtered_sorted_query()
    {
        using var db = SqlServerDesignContext.Create();

        var sql = db.OrdersOfCustomer(42, From, To).ToQueryString();

        Assert.Contains("[o].[CustomerId] = @", sql, StringComparison.Ordinal);
        Assert.Contains("[o].[OrderedAt] >= @", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o].[OrderedAt] DESC", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_by_month_and_channel_is_grouped_and_summed_in_SQL()
    {
        using var db = SqlServerDesignContext.Create();

        var sql = db.MonthlyRevenueByChannel(From, To).ToQueryString();

        Assert.Contains("DATEPART(year, [o].[OrderedAt])", sql, StringComparison.Ordinal);
        Assert.Contains("DATEPART(month, [o].[OrderedAt])", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("SUM([o", sql, StringComparison.Ordinal);
        Assert.Contains("].[Total])", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_balance_is_summed_in_SQL()
    {
        using var db = SqlServerDesignContext.Create();

        var sql = db.PointsLedger.Where(p => p.CustomerId == 42).Select(p => p.Points).ToQueryString();
        var aggregate = db.PointsLedger.Where(p => p.CustomerId == 42).GroupBy(_ => 1).Select(g => g.Sum(p => p.Points)).ToQueryString();

        Assert.Contains("FROM [PointsLedger]", sql, StringComparison.Ordinal);
        Assert.Contains("SUM([p", aggregate, StringComparison.Ordinal);
        Assert.Contains("].[Points])", aggregate, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_and_current_scores_select_their_run_in_the_same_statement()
    {
        using var db = SqlServerDesignContext.Create();

        var latest = db.LatestScores().Take(100).ToQueryString();
        var current = db.CurrentScores().Take(100).ToQueryString();

        Assert.Contains("FROM [CustomerScores]", latest, StringComparison.Ordinal);
        Assert.Contains("FROM [ScoringRuns]", latest, StringComparison.Ordinal);
        Assert.Contains("N'Succeeded'", latest, StringComparison.Ordinal);
        Assert.Contains("[IsCurrent] = CAST(1 AS bit)", current, StringComparison.Ordinal);
    }
}

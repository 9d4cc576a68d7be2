using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Web.Features.Home;

/// <summary>What the home page shows: four KPI tiles and monthly revenue per sales channel.</summary>
/// <param name="Today">The UTC date the figures were computed for.</param>
/// <param name="WindowStart">First day (UTC) of the 90-day window, inclusive; the window ends with <paramref name="Today"/>.</param>
/// <param name="Customers">All customers in the programme.</param>
/// <param name="ActiveCustomers">Distinct customers with at least one order in the window.</param>
/// <param name="Revenue">Sum of order totals in the window.</param>
/// <param name="PointsLiability">Points earned and not yet redeemed or expired, over all customers.</param>
/// <param name="MonthlyRevenue">Revenue per calendar month and channel, oldest month first, every month from the first order to the last.</param>
public sealed record HomeDashboard(
    DateOnly Today,
    DateOnly WindowStart,
    int Customers,
    int ActiveCustomers,
    decimal Revenue,
    long PointsLiability,
    IReadOnlyList<RevenueMonth> MonthlyRevenue)
{
    /// <summary>Days in the activity and revenue window.</summary>
    public const int WindowDays = 90;

    public bool HasOrders => MonthlyRevenue.Count > 0;
}

/// <summary>Revenue of one calendar month, split by channel.</summary>
public sealed record RevenueMonth(int Year, int Month, IReadOnlyDictionary<SalesChannel, decimal> ByChannel)
{
    public string Label => $"{Year:D4}-{Month:D2}";

    public decimal Total => ByChannel.Values.Sum();

    public decimal For(SalesChannel channel) => ByChannel.TryGetValue(channel, out var v) ? v : 0m;
}

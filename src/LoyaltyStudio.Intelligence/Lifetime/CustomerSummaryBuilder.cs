namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// Turns purchases into <see cref="CustomerSummary"/> rows, the way the <c>lifetimes</c> package does.
/// </summary>
/// <remarks>
/// Convention: time is counted in whole calendar days from the customer's first purchase (time of day is ignored) and
/// cut into periods of <c>periodDays</c> days; a purchase on day <c>d</c> falls in period <c>floor(d / periodDays)</c>.
/// Purchases in the same period collapse into one (their amounts add up), so
/// frequency = number of distinct purchase periods − 1, recency = index of the last purchase period and
/// T = floor(days from the first purchase to the end date / periodDays), all in periods. Purchases after the end date are
/// ignored (that is the calibration cut-off); customers whose first purchase is after it are left out.
/// Monetary value = mean of the repeat periods' amounts (the first period excluded), null when there is no repeat.
/// </remarks>
public sealed class CustomerSummaryBuilder
{
    private readonly double periodDays;
    private readonly DateOnly endDate;

    /// <param name="periodDays">Days per period, e.g. 1 for days or 7 for weeks; must be positive.</param>
    /// <param name="endDate">Last day of observation, inclusive.</param>
    public CustomerSummaryBuilder(double periodDays, DateOnly endDate)
    {
        if (!(periodDays > 0) || double.IsInfinity(periodDays))
            throw new ArgumentOutOfRangeException(nameof(periodDays), periodDays, "The period length must be a positive number of days.");
        this.periodDays = periodDays;
        this.endDate = endDate;
    }

    /// <summary>Summarises <paramref name="purchases"/> (any order), one row per customer in order of first appearance.</summary>
    public IReadOnlyList<CustomerSummary> Build(IEnumerable<CustomerPurchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var byCustomer = new Dictionary<string, List<(int Day, double Amount)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var lastDay = endDate.DayNumber;
        foreach (var purchase in purchases)
        {
            var day = DateOnly.FromDateTime(purchase.Timestamp).DayNumber;
            if (day > lastDay)
                continue;
            if (!byCustomer.TryGetValue(purchase.CustomerId, out var list))
            {
                list = [];
                byCustomer.Add(purchase.CustomerId, list);
                order.Add(purchase.CustomerId);
            }
            list.Add((day, purchase.Amount));
        }

        var summaries = new List<CustomerSummary>(order.Count);
        foreach (var id in order)
            summaries.Add(Summarise(id, byCustomer[id], lastDay));
        return summaries;
    }

    private CustomerSummary Summarise(string id, List<(int Day, double Amount)> purchases, int lastDay)
    {
        var firstDay = purchases.Min(p => p.Day);
        var periods = new SortedDictionary<long, double>();
        foreach (var (day, amount) in purchases)
        {
            var period = (long)Math.Floor((day - firstDay) / periodDays);
            periods[period] = periods.GetValueOrDefault(period) + amount;
        }

        var frequency = periods.Count - 1;
        var recency = (double)periods.Keys.Max();
        var t = Math.Floor((lastDay - firstDay) / periodDays);
        double? monetary = frequency > 0 ? periods.Where(p => p.Key != 0).Average(p => p.Value) : null;
        return new CustomerSummary(id, frequency, recency, t, monetary);
    }
}

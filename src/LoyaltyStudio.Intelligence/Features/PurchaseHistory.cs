using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// The order features of one customer, accumulated over their orders before the cut-off in time order (one
/// streaming pass over all customers reuses one instance), then written into the customer's row.
/// </summary>
internal sealed class PurchaseHistory(FeatureWindows windows)
{
    private const double RecencyOverGapCap = 50;

    private int _orders;
    private DateTime _first;
    private DateTime _last;
    private int _orders30, _orders90, _orders365, _ordersPrevious90;
    private double _spend30, _spend90, _spend365, _spendPrevious90;
    private double _discount365, _gross365;
    private int _online, _app, _store;

    // Welford's running mean and sum of squared deviations of the gaps, in days.
    private double _gapMean, _gapSquares;

    public int Orders => _orders;

    public void Reset()
    {
        _orders = 0;
        _orders30 = _orders90 = _orders365 = _ordersPrevious90 = 0;
        _spend30 = _spend90 = _spend365 = _spendPrevious90 = 0;
        _discount365 = _gross365 = 0;
        _online = _app = _store = 0;
        _gapMean = _gapSquares = 0;
    }

    /// <summary>Adds an order; orders must come in time order, all before the cut-off.</summary>
    public void Add(DateTime orderedAt, SalesChannel channel, double total, double discount)
    {
        if (_orders == 0)
        {
            _first = orderedAt;
        }
        else
        {
            var gap = (orderedAt - _last).TotalDays;
            var gaps = _orders; // the number of gaps including this one
            var delta = gap - _gapMean;
            _gapMean += delta / gaps;
            _gapSquares += delta * (gap - _gapMean);
        }
        _last = orderedAt;
        _orders++;
        switch (channel)
        {
            case SalesChannel.App: _app++; break;
            case SalesChannel.Store: _store++; break;
            default: _online++; break;
        }
        if (orderedAt >= windows.Days365)
        {
            _orders365++;
            _spend365 += total;
            _discount365 += discount;
            _gross365 += total + discount;
        }
        if (orderedAt >= windows.Days90)
        {
            _orders90++;
            _spend90 += total;
        }
        else if (orderedAt >= windows.Days180)
        {
            _ordersPrevious90++;
            _spendPrevious90 += total;
        }
        if (orderedAt >= windows.Days30)
        {
            _orders30++;
            _spend30 += total;
        }
    }

    /// <summary>Writes the order features into <paramref name="row"/> (laid out as <see cref="FeatureNames.Fixed"/>).</summary>
    public void WriteTo(Span<float> row, DateTime? signupDate)
    {
        var recency = (windows.Cutoff - _last).TotalDays;
        row[FeatureColumns.RecencyDays] = (float)recency;
        row[FeatureColumns.Orders30] = _orders30;
        row[FeatureColumns.Orders90] = _orders90;
        row[FeatureColumns.Orders365] = _orders365;
        row[FeatureColumns.Spend30] = (float)_spend30;
        row[FeatureColumns.Spend90] = (float)_spend90;
        row[FeatureColumns.Spend365] = (float)_spend365;

        // Imported customers may carry a signup date after their first order; the relationship began with whichever came first.
        var since = signupDate is { } signup && signup < _first ? signup : _first;
        row[FeatureColumns.TenureDays] = (float)Math.Max(0, (windows.Cutoff - since).TotalDays);

        if (_orders >= 2)
        {
            var gaps = _orders - 1;
            row[FeatureColumns.GapMeanDays] = (float)_gapMean;
            row[FeatureColumns.GapStdDays] = (float)Math.Sqrt(Math.Max(0, _gapSquares / gaps));
            var ratio = _gapMean > 0 ? recency / _gapMean : recency > 0 ? RecencyOverGapCap : 0;
            row[FeatureColumns.RecencyOverGap] = (float)Math.Min(RecencyOverGapCap, ratio);
        }

        row[FeatureColumns.OrdersTrend] = (float)FeatureWindows.Trend(_orders90, _ordersPrevious90);
        row[FeatureColumns.SpendTrend] = (float)FeatureWindows.Trend(_spend90, _spendPrevious90);
        row[FeatureColumns.ChannelShareOnline] = (float)_online / _orders;
        row[FeatureColumns.ChannelShareApp] = (float)_app / _orders;
        row[FeatureColumns.ChannelShareStore] = (float)_store / _orders;
        row[FeatureColumns.DiscountShare] = _gross365 > 0 ? (float)Math.Clamp(_discount365 / _gross365, 0, 1) : 0f;
    }
}

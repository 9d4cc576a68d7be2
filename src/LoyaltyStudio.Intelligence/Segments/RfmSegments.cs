namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// The eleven standard named RFM segments and the rule table that maps a customer's recency score R and frequency
/// score F (each 1–5) to exactly one of them. The grid is the R × F map used by most RFM write-ups
/// (Hibernating <c>[1-2][1-2]</c>, At risk <c>[1-2][3-4]</c>, Can't lose them <c>[1-2]5</c>, About to sleep <c>3[1-2]</c>,
/// Need attention <c>33</c>, Loyal <c>[3-4][4-5]</c>, Promising <c>41</c>, New <c>51</c>, Potential loyalist
/// <c>[4-5][2-3]</c>, Champions <c>5[4-5]</c>), with its bottom corner R = 1, F = 1 (longest gone, fewest orders)
/// split off as Lost, the eleventh name that the ten-cell grid folds into Hibernating. The monetary score does not
/// pick the segment; it is reported beside it.
/// </summary>
public static class RfmSegments
{
    public static readonly RfmSegment Champions = new("rfm:champions", "Champions", "Bought recently and buy often.");
    public static readonly RfmSegment Loyal = new("rfm:loyal", "Loyal", "Buy often and fairly recently.");
    public static readonly RfmSegment PotentialLoyalist = new("rfm:potential-loyalist", "Potential loyalist", "Recent customers with a few orders who could become loyal.");
    public static readonly RfmSegment New = new("rfm:new", "New", "Bought very recently, but only rarely so far.");
    public static readonly RfmSegment Promising = new("rfm:promising", "Promising", "Bought recently, but rarely.");
    public static readonly RfmSegment NeedAttention = new("rfm:need-attention", "Need attention", "Average recency and frequency; may slip without a nudge.");
    public static readonly RfmSegment AboutToSleep = new("rfm:about-to-sleep", "About to sleep", "Below-average recency and few orders.");
    public static readonly RfmSegment AtRisk = new("rfm:at-risk", "At risk", "Used to buy fairly often, but not for a long time.");
    public static readonly RfmSegment CantLoseThem = new("rfm:cant-lose-them", "Can't lose them", "Used to buy the most often, but not for a long time.");
    public static readonly RfmSegment Hibernating = new("rfm:hibernating", "Hibernating", "Few orders, long ago.");
    public static readonly RfmSegment Lost = new("rfm:lost", "Lost", "The fewest orders and the longest gone.");

    /// <summary>All eleven segments, from best to worst.</summary>
    public static readonly IReadOnlyList<RfmSegment> All =
    [
        Champions, Loyal, PotentialLoyalist, New, Promising, NeedAttention, AboutToSleep, AtRisk, CantLoseThem, Hibernating, Lost,
    ];

    // Grid[r - 1][f - 1]: rows are recency 1..5, columns frequency 1..5.
    private static readonly RfmSegment[][] Grid =
    [
        [Lost, Hibernating, AtRisk, AtRisk, CantLoseThem],
        [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
        [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
        [Promising, PotentialLoyalist, PotentialLoyalist, Loyal, Loyal],
        [New, PotentialLoyalist, PotentialLoyalist, Champions, Champions],
    ];

    /// <summary>The segment of a recency score and a frequency score (each 1–5).</summary>
    public static RfmSegment Classify(int recency, int frequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recency, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, 5);
        return Grid[recency - 1][frequency - 1];
    }

    /// <summary>The segment with this key, or null.</summary>
    public static RfmSegment? FindByKey(string key) => All.FirstOrDefault(s => s.Key == key);
}

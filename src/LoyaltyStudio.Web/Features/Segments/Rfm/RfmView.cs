namespace LoyaltyStudio.Web.Features.Segments.Rfm;

/// <summary>The RFM page's view model: the recency × frequency grid, the named segments and the moves since the previous run.</summary>
public sealed record RfmView(
    DateTime Cutoff,
    int Customers,
    IReadOnlyList<RfmCell> Cells,
    IReadOnlyList<RfmSegmentRow> Segments,
    RfmMovement? Movement)
{
    /// <summary>The customers' spend over the 365 days before the cut-off, all cells together.</summary>
    public decimal Revenue => Cells.Sum(c => c.Revenue);

    /// <summary>The cell of recency <paramref name="recency"/> and frequency <paramref name="frequency"/> (each 1–5).</summary>
    public RfmCell Cell(int recency, int frequency) =>
        Cells.First(c => c.Recency == recency && c.Frequency == frequency);
}

/// <summary>One cell of the grid: the customers with this recency and frequency score, and the named segment it belongs to.</summary>
public sealed record RfmCell(int Recency, int Frequency, string SegmentName, int Customers, decimal Revenue);

/// <summary>A named RFM segment in the current run: its size, share of the scored customers, spend, mean CLV and mean churn score.</summary>
public sealed record RfmSegmentRow(
    long Id,
    string Key,
    string Name,
    string Description,
    int Customers,
    double Share,
    decimal Revenue,
    decimal AverageLifetimeValue,
    double AverageChurnScore);

/// <summary>
/// How customers moved between named RFM segments from the previous run to the current one: one entry per (from, to)
/// pair with customers; <see cref="RfmMove.From"/> is null for customers the previous run did not place in an RFM segment.
/// </summary>
public sealed record RfmMovement(DateTime PreviousCutoff, IReadOnlyList<string> SegmentNames, IReadOnlyList<RfmMove> Moves)
{
    /// <summary>Customers who were in a segment before and are in another one now.</summary>
    public int Moved => Moves.Where(m => m.From is not null && m.From != m.To).Sum(m => m.Customers);

    /// <summary>Customers in a segment now who had none at the previous run.</summary>
    public int Arrived => Moves.Where(m => m.From is null).Sum(m => m.Customers);

    /// <summary>Customers who moved from <paramref name="from"/> to <paramref name="to"/> (null <paramref name="from"/>: new).</summary>
    public int Between(string? from, string to) =>
        Moves.Where(m => m.From == from && m.To == to).Sum(m => m.Customers);
}

/// <summary>Customers who were in segment <see cref="From"/> at the previous run and are in <see cref="To"/> now.</summary>
public sealed record RfmMove(string? From, string To, int Customers);

namespace LoyaltyStudio.Intelligence.Features;

/// <summary>The rows of a feature table while it is being built: appended in customer-id order, then filled column by column.</summary>
internal sealed class FeatureRows(int width)
{
    private long[] _ids = new long[1024];
    private float[] _values = new float[1024 * width];

    public int Count { get; private set; }

    public int Width => width;

    /// <summary>Appends a zero-filled row for the customer; ids must come in ascending order.</summary>
    public int Append(long customerId)
    {
        if (Count > 0 && customerId <= _ids[Count - 1])
            throw new InvalidOperationException($"Customer {customerId} came after customer {_ids[Count - 1]}; rows must be appended in ascending id order.");
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _values, _ids.Length * width);
        }
        _ids[Count] = customerId;
        return Count++;
    }

    public Span<float> Row(int row) => _values.AsSpan(row * width, width);

    /// <summary>The row of the customer among rows [<paramref name="from"/>, Count), or −1 when the customer has none.</summary>
    public int Find(long customerId, int from)
    {
        var i = Array.BinarySearch(_ids, from, Count - from, customerId);
        return i >= 0 ? i : -1;
    }

    public long[] Ids => _ids[..Count];

    public float[] Values => _values[..(Count * width)];
}

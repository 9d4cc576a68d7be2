namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// Behavioural features of many customers as of one cut-off: one row per customer, one column per feature
/// (names in <see cref="Names"/>, see <see cref="FeatureNames"/>), stored row-major. Values are finite: a builder
/// never lets NaN or infinity through, so models can take the rows as they are.
/// </summary>
public sealed class FeatureTable
{
    private readonly float[] _values;
    private readonly Dictionary<string, int> _index;

    public FeatureTable(DateTime cutoff, IReadOnlyList<string> names, long[] customerIds, float[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != names.Count * customerIds.Length)
            throw new ArgumentException(
                $"A feature table of {customerIds.Length} customers × {names.Count} features needs {names.Count * customerIds.Length} values, not {values.Length}.",
                nameof(values));
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(
                    $"Feature '{names[i % names.Count]}' of customer {customerIds[i / names.Count]} is {values[i]}; features must be finite.",
                    nameof(values));
        }
        Cutoff = cutoff;
        Names = names;
        CustomerIds = customerIds;
        _values = values;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (!_index.TryAdd(names[i], i))
                throw new ArgumentException($"Feature '{names[i]}' appears twice.", nameof(names));
        }
    }

    /// <summary>The moment the features describe: nothing at or after it was read.</summary>
    public DateTime Cutoff { get; }

    public IReadOnlyList<string> Names { get; }

    public long[] CustomerIds { get; }

    public int Count => CustomerIds.Length;

    public int Width => Names.Count;

    /// <summary>All values, row after row (row i is <c>[i * Width, (i + 1) * Width)</c>).</summary>
    public ReadOnlySpan<float> Values => _values;

    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Width, Width);

    /// <summary>The column of a feature; throws naming the feature when the table has no such column.</summary>
    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"The feature table has no feature '{name}'.");

    public bool Has(string name) => _index.ContainsKey(name);

    public float this[int row, string name] => _values[(row * Width) + IndexOf(name)];

    public float this[int row, int column] => _values[(row * Width) + column];
}

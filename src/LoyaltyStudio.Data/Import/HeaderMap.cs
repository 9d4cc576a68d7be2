namespace LoyaltyStudio.Data.Import;

/// <summary>Which header column holds each of a kind's columns, which required ones are missing, which are ignored.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<ImportColumn, int> _ordinals = [];

    private HeaderMap(IReadOnlyList<string> headers) => Headers = headers;

    public IReadOnlyList<string> Headers { get; }
    public List<ImportColumn> Missing { get; } = [];
    public List<string> Ignored { get; } = [];

    public static HeaderMap Create(IReadOnlyList<string> headers, IReadOnlyList<ImportColumn> columns)
    {
        var map = new HeaderMap(headers);
        var normalized = headers.Select(ImportColumn.Normalize).ToArray();
        foreach (var column in columns)
        {
            var ordinal = Array.FindIndex(normalized, h => column.Matches(h));
            if (ordinal >= 0)
                map._ordinals[column] = ordinal;
            else if (column.Required)
                map.Missing.Add(column);
        }
        for (var i = 0; i < headers.Count; i++)
        {
            if (!map._ordinals.ContainsValue(i))
                map.Ignored.Add(headers[i]);
        }
        return map;
    }

    /// <summary>True when the header names all of <paramref name="columns"/>' canonical names (used to detect a layout).</summary>
    public static bool HasAll(IReadOnlyList<string> headers, params ImportColumn[] columns)
    {
        var normalized = headers.Select(ImportColumn.Normalize).ToArray();
        return columns.All(c => normalized.Any(c.Matches));
    }

    public int Ordinal(ImportColumn column) => _ordinals.TryGetValue(column, out var ordinal) ? ordinal : -1;

    public string HeaderOf(ImportColumn column) => _ordinals.TryGetValue(column, out var ordinal) ? Headers[ordinal] : column.Name;
}

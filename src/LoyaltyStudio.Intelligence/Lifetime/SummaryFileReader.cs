using System.Globalization;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// Reads the per-customer summary CSV for <c>loyalty fit btyd --summary</c>: columns <c>customer_id, frequency, recency,
/// T</c> and optionally <c>monetary_value</c> (header names case-insensitive; the CDNOW names <c>ID, x, t_x, T, zbar</c>
/// are accepted too). Plain comma-separated numbers, invariant culture. Bad input throws <see cref="InvalidDataException"/>
/// naming the file, line and column.
/// </summary>
public static class SummaryFileReader
{
    private static readonly string[] IdNames = ["customer_id", "id"];
    private static readonly string[] FrequencyNames = ["frequency", "x"];
    private static readonly string[] RecencyNames = ["recency", "t_x"];
    private static readonly string[] TNames = ["T"];
    private static readonly string[] MonetaryNames = ["monetary_value", "zbar"];

    /// <summary>Reads the summary file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<CustomerSummary> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The summary file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a summary from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public static IReadOnlyList<CustomerSummary> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
            throw new InvalidDataException($"{source} is empty: expected a header line customer_id,frequency,recency,T[,monetary_value].");
        var columns = DelimitedLine.Split(header);
        var id = DelimitedLine.Column(columns, IdNames, source, required: true);
        var frequency = DelimitedLine.Column(columns, FrequencyNames, source, required: true);
        var recency = DelimitedLine.Column(columns, RecencyNames, source, required: true);
        var t = DelimitedLine.Column(columns, TNames, source, required: true);
        var monetary = DelimitedLine.Column(columns, MonetaryNames, source, required: false);

        var summaries = new List<CustomerSummary>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = DelimitedLine.Split(line);
            var where = new DelimitedLine.Location(source, lineNumber, columns, fields);
            var summary = new CustomerSummary(
                where.Text(id),
                where.Number(frequency),
                where.Number(recency),
                where.Number(t),
                monetary < 0 ? null : where.Number(monetary));
            try
            {
                SummaryValidation.Check(summary);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: {ex.Message}", ex);
            }

            summaries.Add(summary);
        }

        if (summaries.Count == 0)
            throw new InvalidDataException($"{source} has a header but no customers.");
        return summaries;
    }
}

/// <summary>Splitting and reading one line of a simple delimited file, with messages that say where a value is bad.</summary>
internal static class DelimitedLine
{
    public static string[] Split(string line) => line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();

    public static int Column(string[] header, string[] names, string source, bool required)
    {
        var index = Array.FindIndex(header, h => names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase)));
        if (index < 0 && required)
            throw new InvalidDataException(
                $"{source} has no column '{names[0]}'" + (names.Length > 1 ? $" (or {string.Join(", ", names.Skip(1))})" : "") +
                $"; its header is: {string.Join(",", header)}.");
        return index;
    }

    /// <summary>One data line: file, line number and fields, for reading values with precise messages.</summary>
    public readonly record struct Location(string Source, int Line, string[] Header, string[] Fields)
    {
        public string Text(int column)
        {
            if (column >= Fields.Length || Fields[column].Length == 0)
                throw new InvalidDataException($"{Source} line {Line}, column '{Header[column]}': the value is missing.");
            return Fields[column];
        }

        public double Number(int column)
        {
            var text = Text(column);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new InvalidDataException($"{Source} line {Line}, column '{Header[column]}': '{text}' is not a number.");
            return value;
        }
    }
}

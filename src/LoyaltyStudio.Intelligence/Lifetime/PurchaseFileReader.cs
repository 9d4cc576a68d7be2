using System.Globalization;

namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>The layouts <see cref="PurchaseFileReader"/> understands.</summary>
public enum PurchaseFileFormat
{
    /// <summary>Decide from the header: commas mean <see cref="Csv"/>, whitespace-separated columns mean <see cref="Cdnow"/>.</summary>
    Auto,

    /// <summary>Comma-separated with a header naming <c>customer_id, date, amount</c> (any order, case-insensitive).</summary>
    Csv,

    /// <summary>The CDNOW_master layout: <c>customer_id date(yyyymmdd) number_of_cds dollar_value</c>, whitespace-separated.</summary>
    Cdnow,
}

/// <summary>
/// Reads purchases (customer, date, amount) for <c>loyalty fit btyd --orders</c>. Dates are <c>yyyy-MM-dd</c>,
/// <c>yyyyMMdd</c> or an ISO date-time. Bad input throws <see cref="InvalidDataException"/> naming the file, line and column.
/// </summary>
public static class PurchaseFileReader
{
    private static readonly string[] IdNames = ["customer_id", "id"];
    private static readonly string[] DateNames = ["date", "order_date", "timestamp"];
    private static readonly string[] AmountNames = ["amount", "dollar_value", "value", "total"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK"];

    /// <summary>Reads the purchases file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<CustomerPurchase> Read(string path, PurchaseFileFormat format)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The orders file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), format);
    }

    /// <summary>Reads purchases from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public static IReadOnlyList<CustomerPurchase> Read(TextReader reader, string source, PurchaseFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
            throw new InvalidDataException($"{source} is empty: expected a header line customer_id,date,amount.");
        if (format == PurchaseFileFormat.Auto)
            format = headerLine.Contains(',', StringComparison.Ordinal) ? PurchaseFileFormat.Csv : PurchaseFileFormat.Cdnow;

        Func<string, string[]> split = format == PurchaseFileFormat.Cdnow
            ? l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : DelimitedLine.Split;
        var header = split(headerLine);
        int id, date, amount;
        if (format == PurchaseFileFormat.Cdnow)
        {
            if (header.Length < 4)
                throw new InvalidDataException(
                    $"{source}: the CDNOW layout has four whitespace-separated columns (customer_id date number_of_cds dollar_value); " +
                    $"the header has {header.Length}.");
            (id, date, amount) = (0, 1, 3);
        }
        else
        {
            id = DelimitedLine.Column(header, IdNames, source, required: true);
            date = DelimitedLine.Column(header, DateNames, source, required: true);
            amount = DelimitedLine.Column(header, AmountNames, source, required: true);
        }

        var purchases = new List<CustomerPurchase>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var where = new DelimitedLine.Location(source, lineNumber, header, split(line));
            purchases.Add(new CustomerPurchase(where.Text(id), ParseDate(where, date), where.Number(amount)));
        }

        if (purchases.Count == 0)
            throw new InvalidDataException($"{source} has a header but no purchases.");
        return purchases;
    }

    private static DateTime ParseDate(DelimitedLine.Location where, int column)
    {
        var text = where.Text(column);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            return value;
        throw new InvalidDataException(
            $"{where.Source} line {where.Line}, column '{where.Header[column]}': '{text}' is not a date (yyyy-MM-dd or yyyyMMdd).");
    }
}

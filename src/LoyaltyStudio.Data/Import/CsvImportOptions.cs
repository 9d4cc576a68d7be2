namespace LoyaltyStudio.Data.Import;

/// <summary>How to read a CSV file and what to do with rows that are wrong.</summary>
public sealed record CsvImportOptions
{
    /// <summary>The ISO date formats used when none are given.</summary>
    public static readonly IReadOnlyList<string> DefaultDateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>The largest record (one CSV row) accepted; a longer one is almost always a missing closing quote.</summary>
    public const int DefaultMaxRecordLength = 1024 * 1024;

    /// <summary>Field delimiter; null detects <c>,</c> or <c>;</c> from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Accepted date formats (invariant culture); dates are taken as UTC.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>Write the valid rows and put the invalid ones in <see cref="RejectsPath"/>, instead of writing nothing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Where rejected rows go with <see cref="SkipInvalid"/>; defaults to the file name plus <c>.rejects.csv</c>.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Orders (and events, support contacts) for an unknown customer create a minimal customer instead of being rejected.</summary>
    public bool CreateMissingCustomers { get; init; }

    /// <summary>The largest record in characters; see <see cref="DefaultMaxRecordLength"/>.</summary>
    public int MaxRecordLength { get; init; } = DefaultMaxRecordLength;

    /// <summary>The rejects file to use for <paramref name="sourcePath"/>.</summary>
    public string RejectsPathFor(string sourcePath) => RejectsPath ?? sourcePath + ".rejects.csv";
}

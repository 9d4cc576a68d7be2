namespace LoyaltyStudio.Data.Import;

/// <summary>One problem with one field of one row, as the report shows it.</summary>
/// <param name="Line">The line in the file (the header is line 1).</param>
/// <param name="Column">The column as named in the file's header, or empty for a problem with the whole row.</param>
/// <param name="Value">The field's text as read (shortened when very long).</param>
/// <param name="Reason">What is wrong with it, in words a user can act on.</param>
public sealed record ImportError(long Line, string Column, string Value, string Reason)
{
    public override string ToString() =>
        Column.Length == 0 ? $"line {Line}: {Reason}" : $"line {Line}, column {Column}, value '{Value}': {Reason}";
}

/// <summary>How far an import has come; the CLI and the upload page show the same numbers.</summary>
public sealed record ImportProgress(long RowsRead, long RowsWritten, long RowsInvalid);

/// <summary>What an import did: counts, timing, and the first errors. Both the CLI and the upload page render it.</summary>
public sealed record ImportResult
{
    /// <summary>How many row errors the report lists; the rest are only counted.</summary>
    public const int MaxListedErrors = 100;

    public required ImportKind Kind { get; init; }
    public required string FileName { get; init; }

    /// <summary>The file layout detected, e.g. "retail" for the public retail-transactions orders layout.</summary>
    public string Layout { get; init; } = "standard";

    /// <summary>A problem with the file as a whole (empty, not UTF-8, broken quoting, missing column); nothing was written.</summary>
    public string? FileError { get; init; }

    /// <summary>True when the changes were committed (possibly none, on a re-import).</summary>
    public bool Committed { get; init; }

    public long RowsRead { get; init; }
    public long RowsWritten { get; init; }

    /// <summary>Rows whose natural key was already in the database; not written again.</summary>
    public long RowsAlreadyPresent { get; init; }
    public long RowsInvalid { get; init; }

    /// <summary>Retail-layout rows without a CustomerID (they are also counted as invalid).</summary>
    public long RowsWithoutCustomer { get; init; }

    /// <summary>Orders written (orders imports: rows are order lines).</summary>
    public long OrdersWritten { get; init; }
    public long CustomersCreated { get; init; }
    public long ProductsCreated { get; init; }
    public long CategoriesCreated { get; init; }

    /// <summary>Header columns that are not part of the kind's columns; their values were not read.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>The first <see cref="MaxListedErrors"/> errors.</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Errors found beyond the listed ones.</summary>
    public long MoreErrors { get; init; }

    /// <summary>Where rejected rows were written (with skip-invalid and at least one rejected row).</summary>
    public string? RejectsPath { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => FileError is null && (RowsInvalid == 0 || Committed);

    public double RowsPerSecond => RowsRead / Math.Max(Elapsed.TotalSeconds, 0.001);
}

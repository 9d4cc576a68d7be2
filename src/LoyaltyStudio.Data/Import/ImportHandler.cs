namespace LoyaltyStudio.Data.Import;

/// <summary>
/// Turns the rows of one kind of file into database rows: validates each row into typed values (through the domain's
/// constructors, so the domain's rules apply), checks natural keys, and writes while <see cref="ImportSession.Writing"/>.
/// </summary>
internal abstract class ImportHandler(ImportSession session) : IAsyncDisposable
{
    protected ImportSession Session { get; } = session;

    /// <summary>
    /// The tables this kind loads in bulk. When one is empty at the start, its secondary indexes are dropped for the load
    /// and rebuilt before commit (nothing reads them during the import: keys are checked against what was loaded up front).
    /// </summary>
    public virtual IReadOnlyList<Type> BulkTables => [];

    /// <summary>Loads the natural keys and lookups the rows need.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Validates the row (errors go to <see cref="ImportRow.Errors"/>) and writes it when valid and still writing.</summary>
    public abstract ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken);

    /// <summary>Writes whatever is still buffered.</summary>
    public abstract Task FinishAsync(CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

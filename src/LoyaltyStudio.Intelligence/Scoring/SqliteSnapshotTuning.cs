using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// Makes writing a full run's snapshot (100,000 scores and 200,000 memberships at 100k customers) cheaper on SQLite, and
/// does nothing on other providers (the settings are <see cref="SqliteBulkTuning"/>'s; this adds the reference check):
/// <list type="bullet">
/// <item>a 256 MB page cache for the writing connection, so the nine score indexes stay in memory instead of spilling
/// dirty pages again and again (SQLite's default cache is 2 MB);</item>
/// <item>foreign-key enforcement off for the write (SQLite can switch it only outside a transaction): each row would look up
/// four parents. The parents are checked once instead, inside the write's transaction just before it commits
/// (<see cref="CheckReferencesAsync"/>): every customer and segment the run's rows name must exist, otherwise the write
/// fails and rolls back. The transaction holds SQLite's write lock, so nothing can delete a parent between that check
/// and the commit.</item>
/// </list>
/// Measured with the SQLite shell on a 100k database holding four runs: the same rows took 6.4–6.6 s with the checks and the
/// default cache and 4.8–4.9 s with neither. Both settings are restored before the connection goes back to the pool.
/// </summary>
internal sealed class SqliteSnapshotTuning : IAsyncDisposable
{
    private readonly LoyaltyDbContext? _context;
    private readonly SqliteBulkTuning? _tuning;

    private SqliteSnapshotTuning(LoyaltyDbContext? context, SqliteBulkTuning? tuning)
    {
        _context = context;
        _tuning = tuning;
    }

    /// <summary>Opens the context's connection (it stays open until disposal) and applies the settings when it is SQLite.</summary>
    public static async Task<SqliteSnapshotTuning> ApplyAsync(LoyaltyDbContext context, CancellationToken cancellationToken)
    {
        if (!context.Database.IsSqlite())
            return new SqliteSnapshotTuning(null, null);
        await context.Database.OpenConnectionAsync(cancellationToken);
        return new SqliteSnapshotTuning(context, await SqliteBulkTuning.ApplyAsync(context, foreignKeysOff: true, cancellationToken));
    }

    /// <summary>
    /// Fails when a score or membership of <paramref name="runId"/> names a customer or segment that does not exist (which
    /// the foreign keys would have refused row by row): a customer erased while the run was computing, for example.
    /// </summary>
    public async Task CheckReferencesAsync(long runId, CancellationToken cancellationToken)
    {
        if (_context is null)
            return;
        var db = _context;
        var scores = db.CustomerScores.Where(s => s.ScoringRunId == runId);
        var memberships = db.SegmentMemberships.Where(m => m.ScoringRunId == runId);
        var missingCustomer = await scores.Where(s => !db.Customers.Any(c => c.Id == s.CustomerId))
            .Select(s => (long?)s.CustomerId).FirstOrDefaultAsync(cancellationToken);
        if (missingCustomer is { } customer)
            throw new InvalidOperationException($"Customer {customer} was deleted while scoring run {runId} was computing; run scoring again.");
        var missingSegment = await memberships
            .Where(m => !db.Segments.Any(s => s.Id == m.SegmentId)
                || (m.PreviousSegmentId != null && !db.Segments.Any(s => s.Id == m.PreviousSegmentId)))
            .Select(m => (long?)m.CustomerId).FirstOrDefaultAsync(cancellationToken);
        if (missingSegment is { } member)
            throw new InvalidOperationException($"A segment of customer {member} in scoring run {runId} was deleted while the run was computing; run scoring again.");
        var scoreSegments = await scores
            .Where(s => (s.RfmSegmentId != null && !db.Segments.Any(g => g.Id == s.RfmSegmentId))
                || (s.MicroSegmentId != null && !db.Segments.Any(g => g.Id == s.MicroSegmentId)))
            .Select(s => (long?)s.CustomerId).FirstOrDefaultAsync(cancellationToken);
        if (scoreSegments is { } scored)
            throw new InvalidOperationException($"A segment of customer {scored}'s score in scoring run {runId} was deleted while the run was computing; run scoring again.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is null)
            return;
        // Back to what every other user of a pooled connection expects, even when the write failed.
        await _tuning!.DisposeAsync();
        await _context.Database.CloseConnectionAsync();
    }
}

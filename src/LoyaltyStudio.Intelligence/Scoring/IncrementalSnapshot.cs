using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// The database side of an incremental run: finds the customers marked for re-scoring, and writes the new run as the
/// re-scored customers' rows plus a set-based copy (INSERT…SELECT) of everyone else's rows from the current run.
/// </summary>
internal sealed class IncrementalSnapshot(IDbContextFactory<LoyaltyDbContext> contexts)
{
    /// <summary>
    /// What the current run holds for a customer that an incremental run keeps: RFM, segments and the next-best offers
    /// (all computed against the whole population, so they move with the next full run).
    /// </summary>
    public sealed record KeptScore(long CustomerId, int RfmRecency, int RfmFrequency, int RfmMonetary, long? MicroSegmentId, long? RfmSegmentId,
        string NextBestOffersJson);

    public async Task<List<long>> MarkedCustomersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.Where(c => c.RescoreRequestedAt != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<Dictionary<long, KeptScore>> KeptScoresAsync(long currentRunId, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == currentRunId && customerIds.Contains(s.CustomerId))
            .Select(s => new KeptScore(s.CustomerId, s.RfmRecency, s.RfmFrequency, s.RfmMonetary, s.MicroSegmentId, s.RfmSegmentId, s.NextBestOffersJson))
            .ToDictionaryAsync(s => s.CustomerId, cancellationToken);
    }

    /// <summary>Writes the new run in one transaction; returns how many customers' rows were copied unchanged.</summary>
    public async Task<int> WriteAsync(long runId, long currentRunId, IReadOnlyList<CustomerScore> rescored, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var writer = new BulkWriter(db))
            await writer.InsertAsync(rescored, cancellationToken);

        var sql = db.GetService<ISqlGenerationHelper>();
        var scores = Table<CustomerScore>(db, sql, out var scoreColumns, nameof(CustomerScore.Id), nameof(CustomerScore.ScoringRunId));
        var run = Column<CustomerScore>(db, sql, nameof(CustomerScore.ScoringRunId));
        var customer = Column<CustomerScore>(db, sql, nameof(CustomerScore.CustomerId));
        var columns = string.Join(", ", scoreColumns);
        // Everyone not re-scored keeps the current run's row, copied in the database.
        // Identifiers come from the EF model, values are parameters ({0}, {1}).
        var copyScores = $"INSERT INTO {scores} ({run}, {columns}) SELECT {{0}}, {columns} FROM {scores} " +
            $"WHERE {run} = {{1}} AND {customer} NOT IN (SELECT {customer} FROM {scores} WHERE {run} = {{0}})";
        var copied = await db.Database.ExecuteSqlRawAsync(copyScores, [runId, currentRunId], cancellationToken);

        // Memberships carry over: an incremental run re-scores churn and value, not segments, so nobody moves.
        var memberships = Table<SegmentMembership>(db, sql, out _);
        var mRun = Column<SegmentMembership>(db, sql, nameof(SegmentMembership.ScoringRunId));
        var mSegment = Column<SegmentMembership>(db, sql, nameof(SegmentMembership.SegmentId));
        var mCustomer = Column<SegmentMembership>(db, sql, nameof(SegmentMembership.CustomerId));
        var mPrevious = Column<SegmentMembership>(db, sql, nameof(SegmentMembership.PreviousSegmentId));
        var copyMemberships = $"INSERT INTO {memberships} ({mRun}, {mSegment}, {mCustomer}, {mPrevious}) " +
            $"SELECT {{0}}, {mSegment}, {mCustomer}, {mSegment} FROM {memberships} WHERE {mRun} = {{1}}";
        await db.Database.ExecuteSqlRawAsync(copyMemberships, [runId, currentRunId], cancellationToken);

        // Segment sizes stay, but averages move with the re-scored customers: aggregate again, keep the profiles.
        var aggregates = await db.SegmentMemberships.Where(m => m.ScoringRunId == runId)
            .Join(db.CustomerScores.Where(s => s.ScoringRunId == runId), m => m.CustomerId, s => s.CustomerId, (m, s) => new { m.SegmentId, s.PredictedLifetimeValue, s.ChurnScore })
            .GroupBy(x => x.SegmentId)
            .Select(g => new { SegmentId = g.Key, Members = g.Count(), Value = g.Average(x => (double)x.PredictedLifetimeValue), Churn = g.Average(x => (double)x.ChurnScore) })
            .ToListAsync(cancellationToken);
        var profiles = await db.SegmentSnapshots.Where(s => s.ScoringRunId == currentRunId)
            .ToDictionaryAsync(s => s.SegmentId, s => s.ProfileJson, cancellationToken);
        db.SegmentSnapshots.AddRange(aggregates.Select(a => new SegmentSnapshot(runId, a.SegmentId, a.Members,
            Math.Round((decimal)a.Value, 2), a.Churn, profiles.GetValueOrDefault(a.SegmentId, "{}"))));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    private static string Table<T>(DbContext db, ISqlGenerationHelper sql, out List<string> otherColumns, params string[] except)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        otherColumns = [.. entity.GetProperties().Where(p => !except.Contains(p.Name)).Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!))];
        return sql.DelimitIdentifier(store.Name, store.Schema);
    }

    private static string Column<T>(DbContext db, ISqlGenerationHelper sql, string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
    }
}

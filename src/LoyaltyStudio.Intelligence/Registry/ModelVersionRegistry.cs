using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Registry;

/// <summary>
/// The model versions in the database: stores new versions (numbered per kind), activates one, rolls back to the
/// previous one, and hands out the active one for scoring. At most one version per kind is active at any moment.
/// </summary>
public sealed class ModelVersionRegistry(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider time)
{
    private const int StoreAttempts = 3;

    /// <summary>Stores <paramref name="model"/> as the next version of its kind, inactive until activated.</summary>
    public async Task<ModelVersion> StoreAsync(NewModelVersion model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var latest = await db.ModelVersions.Where(m => m.Kind == model.Kind).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
            var version = new ModelVersion(model.Kind, latest + 1, model.Algorithm, model.Artifact, model.MetricsJson,
                model.TrainingWindowStart, model.TrainingWindowEnd, model.CreatedBy, time.GetUtcNow().UtcDateTime);
            db.ModelVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return version;
            }
            catch (DbUpdateException) when (attempt < StoreAttempts)
            {
                // Another trainer took the same number (unique Kind + Version); number again.
            }
        }
    }

    /// <summary>Makes <paramref name="version"/> the active <paramref name="kind"/> model and every other version of the kind inactive.</summary>
    public async Task<ModelVersionInfo> ActivateAsync(ModelKind kind, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var chosen = await Infos(db.ModelVersions.Where(m => m.Kind == kind && m.Version == version)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"There is no {kind} model v{version} to activate.");
        await SwitchToAsync(db, kind, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chosen with { IsActive = true };
    }

    /// <summary>Activates the newest version older than the active one; refuses when there is none.</summary>
    public async Task<ModelVersionInfo> RollBackAsync(ModelKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var active = await db.ModelVersions.Where(m => m.Kind == kind && m.IsActive).Select(m => (int?)m.Version)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"There is no active {kind} model to roll back from.");
        var previous = await Infos(db.ModelVersions.Where(m => m.Kind == kind && m.Version < active).OrderByDescending(m => m.Version))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{kind} v{active} is the first version; there is nothing to roll back to.");
        await SwitchToAsync(db, kind, previous.Version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return previous with { IsActive = true };
    }

    /// <summary>The active version of <paramref name="kind"/> with its artifact, or null when none was activated yet.</summary>
    public async Task<ModelVersion?> GetActiveAsync(ModelKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(m => m.Kind == kind && m.IsActive, cancellationToken);
    }

    /// <summary>Every stored version (newest first), without artifacts; of one kind when given.</summary>
    public async Task<IReadOnlyList<ModelVersionInfo>> ListAsync(ModelKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ModelVersions.AsQueryable();
        if (kind is { } k)
            query = query.Where(m => m.Kind == k);
        var list = await Infos(query).ToListAsync(cancellationToken);
        // Sorted in memory: the kind is stored as text, and kinds should come in the enum's order; the list is short.
        return [.. list.OrderBy(m => m.Kind).ThenByDescending(m => m.Version)];
    }

    private static IQueryable<ModelVersionInfo> Infos(IQueryable<ModelVersion> versions) => versions.AsNoTracking()
        .Select(m => new ModelVersionInfo(m.Id, m.Kind, m.Version, m.Algorithm, m.MetricsJson, m.TrainingWindowStart,
            m.TrainingWindowEnd, m.CreatedAt, m.CreatedBy, m.IsActive));

    // One statement sets the flag of every version of the kind, so there is no moment with two active versions; set-based
    // rather than through tracked entities because loading every version would load every artifact.
    private static Task<int> SwitchToAsync(LoyaltyDbContext db, ModelKind kind, int version, CancellationToken cancellationToken) =>
        db.ModelVersions.Where(m => m.Kind == kind)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, m => m.Version == version), cancellationToken);
}

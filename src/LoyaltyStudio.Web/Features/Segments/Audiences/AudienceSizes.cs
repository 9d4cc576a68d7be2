using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>Every saved audience with its rules (or their problem) and, when they can be evaluated, its size and when it was counted.</summary>
public sealed record AudienceSizesView(bool HasRun, IReadOnlyList<(SavedAudienceRules Audience, Counted<AudienceSize>? Size)> Audiences);

/// <summary>
/// The sizes behind the audience list, kept in <see cref="AudienceCountStore"/> per current run and rule tree: a view reads
/// the audiences and the reference data (a few milliseconds) and counts only the rule trees no count is kept for, side by
/// side, one connection per core. Saving an audience forgets its rules' count and counts them again at once.
/// </summary>
public sealed partial class AudienceSizes(
    SavedAudienceService audiences,
    IDbContextFactory<LoyaltyDbContext> contexts,
    AudienceCountStore store,
    ILogger<AudienceSizes> log)
{
    private const string Kind = "size";

    /// <summary>Every saved audience by name with its size; <paramref name="fresh"/> counts every rule tree again (the warmer does).</summary>
    public async Task<AudienceSizesView> ListAsync(bool fresh = false, CancellationToken cancellationToken = default)
    {
        var runId = await CurrentRunIdAsync(contexts, cancellationToken);
        var saved = await audiences.ReadAllAsync(cancellationToken);
        var trees = saved.Where(a => a.Rules is not null)
            .GroupBy(a => a.CanonicalRules!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Rules!, StringComparer.Ordinal);
        var sizes = new System.Collections.Concurrent.ConcurrentDictionary<string, Counted<AudienceSize>>(StringComparer.Ordinal);
        // Each count is a single-threaded pass over up to every customer: side by side, at most one per core.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(trees, parallel, async (tree, ct) =>
            sizes[tree.Key] = await store.GetOrCountAsync(AudienceCountStore.Key(Kind, runId, tree.Key), fresh,
                c => audiences.SizeAsync(tree.Value, c), ct));
        return new AudienceSizesView(runId is not null, saved
            .Select(a => (a, a.CanonicalRules is { } key ? sizes[key] : null))
            .ToList());
    }

    /// <summary>
    /// Forgets the kept size of <paramref name="audience"/>'s rules and starts counting them again, without waiting for
    /// the count: the list shown after a save waits for (at most) that one count, never shows the count kept before.
    /// </summary>
    public async Task RecountAsync(SavedAudienceInfo audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var runId = await CurrentRunIdAsync(contexts, cancellationToken);
        var rules = await audiences.ValidateAsync(AudienceRulesJson.Read(audience.RulesJson, audience.Name), cancellationToken);
        var key = KeyOf(runId, AudienceRulesJson.Write(rules.Rules));
        store.Forget(key);
        // Started here (which registers the count under way before this returns), finished in the background.
        // SQLite answers "async" calls on the calling thread: the count goes to the thread pool so the save returns now.
        _ = CountInBackgroundAsync(store.GetOrCountAsync(key, fresh: true,
            c => Task.Run(() => audiences.SizeAsync(rules, c), c), CancellationToken.None), audience.Id);
    }

    /// <summary>The key the size of <paramref name="canonicalRules"/> is kept under in run <paramref name="runId"/>.</summary>
    public static string KeyOf(long? runId, string canonicalRules) => AudienceCountStore.Key(Kind, runId, canonicalRules);

    internal static async Task<long?> CurrentRunIdAsync(IDbContextFactory<LoyaltyDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task CountInBackgroundAsync(Task counting, long audienceId)
    {
        try
        {
            await counting;
        }
        catch (Exception e)
        {
            // The list counts the audience itself when this could not; a failure here must not reach the builder.
            LogRecountFailed(log, audienceId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count saved audience {AudienceId} again after it was saved; the list will count it when shown.")]
    private static partial void LogRecountFailed(ILogger logger, long audienceId, Exception exception);
}

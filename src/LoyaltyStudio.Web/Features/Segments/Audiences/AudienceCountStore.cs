using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>A count and the moment it was started (UTC): what it reflects is at least as new as <see cref="CountedAt"/>.</summary>
public sealed record Counted<T>(T Value, DateTime CountedAt);

/// <summary>
/// Audience counts kept in memory, each under a key naming the current scoring run and a hash of the checked rules (so an
/// edited audience never gets its old count and a new run never gets the previous run's), for <see cref="KeepFor"/>.
/// A count is made once at a time: whoever asks for a key while it is being counted waits for that count instead of
/// starting another. Sizes also depend on consent, tier and the date, which change between runs; the warmer therefore
/// counts again every <see cref="RefreshEvery"/> and the pages say when each count was made.
/// </summary>
public sealed class AudienceCountStore(IMemoryCache cache, TimeProvider time)
{
    /// <summary>How often the warmer counts the audiences again.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(2);

    /// <summary>A count older than this is made again on the next view if the warmer has not done so.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(6);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _counting = new(StringComparer.Ordinal);

    /// <summary>The key of a count of <paramref name="kind"/> for <paramref name="canonicalRules"/> in run <paramref name="runId"/> (0: no run yet).</summary>
    public static string Key(string kind, long? runId, string canonicalRules)
    {
        ArgumentNullException.ThrowIfNull(canonicalRules);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRules)));
        return $"audience-{kind}:{runId ?? 0}:{hash}";
    }

    /// <summary>
    /// The kept count for <paramref name="key"/>, or a new one from <paramref name="count"/> when none is kept or
    /// <paramref name="fresh"/> asks for one (the kept count is still served to others until the new one is ready).
    /// </summary>
    public async Task<Counted<T>> GetOrCountAsync<T>(string key, bool fresh, Func<CancellationToken, Task<T>> count, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(count);
        if (!fresh && cache.TryGetValue(key, out Counted<T>? kept) && kept is not null)
            return kept;
        var counting = _counting.GetOrAdd(key, k => new Lazy<Task<object>>(() => CountAndKeepAsync(k, count, cancellationToken)));
        try
        {
            return (Counted<T>)await counting.Value;
        }
        finally
        {
            _counting.TryRemove(KeyValuePair.Create(key, counting));
        }
    }

    /// <summary>Forgets the count for <paramref name="key"/>: the next view waits for a new one (or for the one under way).</summary>
    public void Forget(string key) => cache.Remove(key);

    /// <summary>True when a count for <paramref name="key"/> is kept (for tests and the warmer).</summary>
    public bool Holds(string key) => cache.TryGetValue(key, out _);

    private async Task<object> CountAndKeepAsync<T>(string key, Func<CancellationToken, Task<T>> count, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var counted = new Counted<T>(await count(cancellationToken), started);
        cache.Set(key, counted, KeepFor);
        return counted;
    }
}

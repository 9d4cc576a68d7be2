namespace LoyaltyStudio.Domain.Common;

/// <summary>The allowed moves of a lifecycle, so a state machine is written down once as data.</summary>
public sealed class TransitionTable<TState> where TState : struct, Enum
{
    private readonly Dictionary<TState, HashSet<TState>> _allowed = [];

    public TransitionTable<TState> Allow(TState from, params TState[] to)
    {
        if (!_allowed.TryGetValue(from, out var targets))
            _allowed[from] = targets = [];
        targets.UnionWith(to);
        return this;
    }

    public bool CanMove(TState from, TState to) => _allowed.TryGetValue(from, out var t) && t.Contains(to);

    public IReadOnlyCollection<TState> From(TState from) =>
        _allowed.TryGetValue(from, out var t) ? t : (IReadOnlyCollection<TState>)[];

    /// <summary>Throws a <see cref="DomainException"/> naming the thing, both states and what is allowed instead.</summary>
    public void EnsureCanMove(string what, TState from, TState to)
    {
        if (CanMove(from, to))
            return;
        var options = From(from);
        var allowed = options.Count == 0 ? "it is final" : "it can only become " + string.Join(" or ", options);
        throw new DomainException($"{what} is {from} and cannot become {to}: {allowed}.");
    }
}

namespace LoyaltyStudio.Domain.Tests.Common;

/// <summary>Every (from, to) pair of a lifecycle's states, marked allowed iff it is in the expected list.</summary>
internal static class TransitionCases
{
    public static TheoryData<TState, TState, bool> AllPairs<TState>(params (TState From, TState To)[] allowed)
        where TState : struct, Enum
    {
        var data = new TheoryData<TState, TState, bool>();
        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var to in Enum.GetValues<TState>())
                data.Add(from, to, allowed.Contains((from, to)));
        }
        return data;
    }
}

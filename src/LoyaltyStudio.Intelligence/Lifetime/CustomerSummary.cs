namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>
/// The per-customer summary the buy-till-you-die models need, all times in one period unit (e.g. weeks):
/// <paramref name="Frequency"/> = repeat purchases (purchase periods after the first), <paramref name="Recency"/> = time from
/// the first to the last purchase, <paramref name="T"/> = time from the first purchase to the end of observation,
/// <paramref name="MonetaryValue"/> = mean value of the repeat purchases (null when unknown or there is none).
/// </summary>
public sealed record CustomerSummary(string Id, double Frequency, double Recency, double T, double? MonetaryValue);

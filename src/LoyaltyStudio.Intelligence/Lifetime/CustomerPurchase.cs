namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>One purchase as the lifetime models see it: who, when, and for how much.</summary>
public readonly record struct CustomerPurchase(string CustomerId, DateTime Timestamp, double Amount);

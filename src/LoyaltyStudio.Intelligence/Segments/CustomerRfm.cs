namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>A customer's recency, frequency and monetary quintile scores (1–5, 5 = best) and the named segment they put them in.</summary>
public sealed record CustomerRfm(long CustomerId, int Recency, int Frequency, int Monetary, RfmSegment Segment);

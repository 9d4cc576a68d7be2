namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>One of the eleven named RFM segments: a stable key (e.g. <c>rfm:champions</c>), a name and what it means.</summary>
public sealed record RfmSegment(string Key, string Name, string Description);

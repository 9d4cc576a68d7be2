namespace LoyaltyStudio.Intelligence.Features;

/// <summary>How a feature is shown to people: a short label, its unit and one line on what it measures.</summary>
public sealed record FeatureDescription(string Name, string Label, FeatureUnit Unit, string Description);

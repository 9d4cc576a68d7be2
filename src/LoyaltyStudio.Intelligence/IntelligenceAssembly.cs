namespace LoyaltyStudio.Intelligence;

/// <summary>Marker for this assembly (architecture tests, DI scanning).</summary>
public static class IntelligenceAssembly;

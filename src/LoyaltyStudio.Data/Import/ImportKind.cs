namespace LoyaltyStudio.Data.Import;

/// <summary>What a CSV file holds; each kind has its own columns and natural key.</summary>
public enum ImportKind
{
    Customers,
    Products,
    Orders,
    Events,
    Support,
}

namespace LoyaltyStudio.Domain.Customers;

/// <summary>Coarse age group; we never store a date of birth.</summary>
public enum AgeBand
{
    Unknown = 0,
    Under25 = 1,
    From25To34 = 2,
    From35To44 = 3,
    From45To54 = 4,
    From55To64 = 5,
    From65 = 6,
}

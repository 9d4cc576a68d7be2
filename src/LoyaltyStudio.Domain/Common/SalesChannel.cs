namespace LoyaltyStudio.Domain.Common;

/// <summary>Where an order was placed or a customer signed up.</summary>
public enum SalesChannel
{
    Online = 0,
    App = 1,
    Store = 2,
}

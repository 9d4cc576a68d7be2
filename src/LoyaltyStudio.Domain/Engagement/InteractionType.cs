namespace LoyaltyStudio.Domain.Engagement;

/// <summary>What a customer did that was not a purchase.</summary>
public enum InteractionType
{
    ProductView = 0,
    CartAdd = 1,
    AppOpen = 2,
    EmailOpen = 3,
    EmailClick = 4,
    CheckoutStep = 5,
}

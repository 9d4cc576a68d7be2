namespace LoyaltyStudio.Domain.Customers;

/// <summary>A channel we may use to send marketing, each with its own consent.</summary>
public enum MarketingChannel
{
    Email = 0,
    Sms = 1,
    Push = 2,
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;

namespace LoyaltyStudio.Data.Tests.Infrastructure;

/// <summary>Small, explicit test entities.</summary>
internal static class Sample
{
    public static readonly DateTime Signup = new(2024, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    public static Customer Customer(string externalId, string firstName = "Ada", string lastName = "Lovelace",
        string? email = null) =>
        new(externalId, firstName, lastName, email ?? $"{externalId.ToLowerInvariant()}@example.test", "+44 20 7946 0000",
            AgeBand.From35To44, "North", Signup, SalesChannel.App,
            new Consent(email: true, sms: false, push: true, profiling: true, Signup));
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Domain.Tests.Customers;

public class CustomerTests
{
    private static readonly DateTime Signup = new(2024, 9, 15, 0, 0, 0, DateTimeKind.Utc);

    private static Customer NewCustomer(string externalId = "C-1001", string? email = "ana@example.com", string? phone = "+351 912 000 000") =>
        new(externalId, " Ana ", " Silva ", email, phone, AgeBand.From25To34, " Lisbon ", Signup, SalesChannel.App, Consent.None(Signup));

    [Fact]
    public void New_customer_keeps_profile_trimmed_and_starts_in_the_entry_tier()
    {
        var customer = NewCustomer(externalId: "  C-1001 ");

        Assert.Equal("C-1001", customer.ExternalId);
        Assert.Equal("Ana Silva", customer.DisplayName);
        Assert.Equal("Lisbon", customer.Region);
        Assert.Equal((AgeBand.From25To34, Signup, SalesChannel.App), (customer.AgeBand, customer.SignupDate, customer.SignupChannel));
        Assert.Equal(Tier.DefaultCode, customer.TierCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Customer_without_an_external_id_is_refused(string externalId) =>
        Assert.Contains("external id", Assert.Throws<DomainException>(() => NewCustomer(externalId)).Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_email_and_phone_are_stored_as_missing(string? blank)
    {
        var customer = NewCustomer(email: blank, phone: blank);

        Assert.Null(customer.Email);
        Assert.Null(customer.Phone);
    }

    [Fact]
    public void Customer_without_consent_record_is_refused() =>
        Assert.Throws<ArgumentNullException>(() =>
            new Customer("C-1", "A", "B", null, null, AgeBand.Unknown, "", Signup, SalesChannel.Store, null!));

    [Fact]
    public void Display_name_has_no_stray_spaces_when_a_name_part_is_missing()
    {
        var customer = new Customer("C-2", "", "Costa", null, null, AgeBand.Unknown, "", Signup, SalesChannel.Store, Consent.None(Signup));

        Assert.Equal("Costa", customer.DisplayName);
    }

    [Fact]
    public void Moving_to_a_tier_records_its_code()
    {
        var customer = NewCustomer();

        customer.MoveToTier(TierRules.Standard.ByCode("GOLD"));

        Assert.Equal("GOLD", customer.TierCode);
    }

    [Fact]
    public void Changing_consent_replaces_the_whole_record()
    {
        var customer = NewCustomer();
        var granted = new Consent(true, false, true, true, Signup.AddDays(1));

        customer.ChangeConsent(granted);

        Assert.Same(granted, customer.Consent);
        Assert.Throws<ArgumentNullException>(() => customer.ChangeConsent(null!));
    }
}

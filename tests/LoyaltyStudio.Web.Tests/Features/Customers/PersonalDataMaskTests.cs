using LoyaltyStudio.Web.Features.Customers;

namespace LoyaltyStudio.Web.Tests.Features.Customers;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("Jane Smith", "J*** S****")]
    [InlineData("Ana María López", "A** M**** L****")]
    [InlineData("", "")]
    public void Names_keep_only_each_first_letter(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Name(name));

    [Theory]
    [InlineData("jane.smith@example.com", "j***@e******.com")]
    [InlineData("a@b.co.uk", "a***@b***.uk")]
    [InlineData("not-an-address", "n*************")]
    public void E_mail_keeps_first_letters_and_the_top_level_domain(string email, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Email(email));

    [Theory]
    [InlineData("+44 7123 456789", "+** **** ****89")]
    [InlineData("0100", "**00")]
    public void Phone_shows_only_the_last_two_digits(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Phone(phone));

    [Fact]
    public void Missing_values_stay_missing()
    {
        Assert.Null(PersonalDataMask.Email(null));
        Assert.Null(PersonalDataMask.Phone(" "));
    }
}

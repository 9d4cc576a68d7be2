using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Domain.Tests.Segments;

public class SavedAudienceTests
{
    private static readonly DateTime T0 = new(2025, 4, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Renaming_trims_the_name_and_records_when()
    {
        var audience = new SavedAudience("Lapsing", """{"version":1}""", "marketer", T0);

        audience.Rename("  Lapsing tea buyers ", T0.AddDays(1));

        Assert.Equal(("Lapsing tea buyers", T0, T0.AddDays(1)), (audience.Name, audience.CreatedAt, audience.UpdatedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Renaming_to_a_blank_name_is_refused(string name)
    {
        var audience = new SavedAudience("Lapsing", """{"version":1}""", "marketer", T0);

        var error = Assert.Throws<DomainException>(() => audience.Rename(name, T0));

        Assert.Equal("Audience 'Lapsing' needs a name; a blank one cannot be saved.", error.Message);
        Assert.Equal("Lapsing", audience.Name);
    }
}

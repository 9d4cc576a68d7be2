using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;

namespace LoyaltyStudio.Domain.Tests.Customers;

public class RescoringMarkTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Customer NewCustomer() => new("C-1", "Ada", "Lovelace", "ada@example.com", null,
        AgeBand.From35To44, "North", T0.AddYears(-1), SalesChannel.Online, Consent.None(T0));

    [Fact]
    public void The_first_arrival_of_new_data_sets_the_mark_and_later_ones_keep_it()
    {
        var customer = NewCustomer();
        Assert.Null(customer.RescoreRequestedAt);

        customer.MarkForRescoring(T0);
        customer.MarkForRescoring(T0.AddHours(3));

        Assert.Equal(T0, customer.RescoreRequestedAt);
    }

    [Fact]
    public void Rescoring_clears_the_mark()
    {
        var customer = NewCustomer();
        customer.MarkForRescoring(T0);
        customer.RescoringDone();
        Assert.Null(customer.RescoreRequestedAt);
    }
}

using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Intelligence.Churn;

namespace LoyaltyStudio.Intelligence.Tests.Churn;

public sealed class OrderChurnLabelSourceTests
{
    private static readonly DateTime Cutoff = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Customers_with_a_purchase_before_the_cutoff_are_labelled_churned_when_they_buy_nothing_in_the_horizon()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var customers = await database.AddAsync(
            NewCustomer("retained"), NewCustomer("lapsed"), NewCustomer("back-too-late"), NewCustomer("new-at-cutoff"), NewCustomer("just-inside"));
        var (retained, lapsed, tooLate, newAtCutoff, justInside) = (customers[0].Id, customers[1].Id, customers[2].Id, customers[3].Id, customers[4].Id);
        await database.AddAsync(
            NewOrder("o1", retained, new DateTime(2025, 12, 1)),
            NewOrder("o2", retained, new DateTime(2026, 2, 1)),
            NewOrder("o3", lapsed, new DateTime(2025, 11, 1)),
            NewOrder("o4", tooLate, new DateTime(2025, 10, 1)),
            NewOrder("o5", tooLate, new DateTime(2026, 4, 1)), // the window [cutoff, cutoff + 90 days) ends on 1 April
            NewOrder("o6", newAtCutoff, Cutoff), // at the cut-off is not before it
            NewOrder("o7", justInside, new DateTime(2025, 12, 31, 23, 59, 0)),
            NewOrder("o8", justInside, new DateTime(2026, 3, 31, 23, 59, 0)));

        var labels = await new OrderChurnLabelSource(database.Factory).LoadAsync(Cutoff, 90);

        Assert.Equal([retained, lapsed, tooLate, justInside], labels.CustomerIds);
        Assert.Equal([false, true, true, false], labels.Churned);
        Assert.Null(labels.For(newAtCutoff));
        Assert.Equal(2, labels.ChurnedCount);
    }

    [Fact]
    public async Task A_shorter_horizon_turns_a_late_return_into_churn()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var customer = (await database.AddAsync(NewCustomer("c")))[0];
        await database.AddAsync(NewOrder("a", customer.Id, new DateTime(2025, 12, 1)), NewOrder("b", customer.Id, new DateTime(2026, 2, 15)));
        var source = new OrderChurnLabelSource(database.Factory);

        Assert.False((await source.LoadAsync(Cutoff, 90)).For(customer.Id));
        Assert.True((await source.LoadAsync(Cutoff, 30)).For(customer.Id));
    }

    private static Customer NewCustomer(string id) =>
        new(id, "First", "Last", null, null, AgeBand.Unknown, "North", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), SalesChannel.Online,
            Consent.None(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

    private static Order NewOrder(string id, long customerId, DateTime at)
    {
        var order = new Order(id, customerId, DateTime.SpecifyKind(at, DateTimeKind.Utc), SalesChannel.Store);
        return order;
    }
}

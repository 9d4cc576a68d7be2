using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Mapping;

public class CustomerMappingTests
{
    [Fact]
    public async Task Customer_round_trips_with_consent_and_utc_dates()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        var consentAt = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var customer = new Customer("C-0001", "Grace", "Hopper", "grace@example.test", "+1 555 0100", AgeBand.From55To64,
            "West", Sample.Signup, SalesChannel.Store, new Consent(email: true, sms: true, push: false, profiling: false, consentAt));
        await db.AddAsync(customer);

        await using var context = db.CreateContext();
        var loaded = await context.Customers.SingleAsync(c => c.ExternalId == "C-0001");

        Assert.Equal(("Grace", "Hopper", "grace@example.test", "+1 555 0100"), (loaded.FirstName, loaded.LastName, loaded.Email, loaded.Phone));
        Assert.Equal(AgeBand.From55To64, loaded.AgeBand);
        Assert.Equal(SalesChannel.Store, loaded.SignupChannel);
        Assert.Equal(Sample.Signup, loaded.SignupDate);
        Assert.Equal(DateTimeKind.Utc, loaded.SignupDate.Kind);
        Assert.True(loaded.Consent.Email);
        Assert.True(loaded.Consent.Sms);
        Assert.False(loaded.Consent.Push);
        Assert.False(loaded.Consent.Profiling);
        Assert.Equal(consentAt, loaded.Consent.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, loaded.Consent.UpdatedAt.Kind);
    }

    [Fact]
    public async Task Changed_consent_is_saved_on_the_customer_row()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        var customer = (await db.AddAsync(Sample.Customer("C-0002")))[0];

        await using (var context = db.CreateContext())
        {
            var tracked = await context.Customers.SingleAsync(c => c.Id == customer.Id);
            tracked.ChangeConsent(tracked.Consent.WithProfiling(false, Sample.Signup.AddDays(10)));
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        Assert.False((await check.Customers.SingleAsync(c => c.Id == customer.Id)).Consent.Profiling);
    }

    [Fact]
    public async Task Enums_are_stored_as_their_names()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await db.AddAsync(Sample.Customer("C-0003"));

        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT AgeBand, SignupChannel FROM Customers";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("From35To44", reader.GetString(0));
        Assert.Equal("App", reader.GetString(1));
    }

    [Fact]
    public async Task A_second_customer_with_the_same_external_id_is_refused()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await db.AddAsync(Sample.Customer("C-0004"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.AddAsync(Sample.Customer("C-0004", "Other", "Person")));

        await using var context = db.CreateContext();
        Assert.Equal(1, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task Order_lines_are_saved_and_loaded_through_the_order()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        var customer = (await db.AddAsync(Sample.Customer("C-0005")))[0];
        var category = (await db.AddAsync(new Domain.Catalog.Category("TEA", "Tea")))[0];
        var product = (await db.AddAsync(new Domain.Catalog.Product("TEA-001", "Green tea", category.Id, 4.50m)))[0];
        var order = new Order("O-1", customer.Id, new DateTime(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc), SalesChannel.Online);
        order.AddLine(product.Id, 3, 4.50m, 1.25m);
        order.AddLine(product.Id, 1, 4.50m);
        await db.AddAsync(order);

        await using var context = db.CreateContext();
        var loaded = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "O-1");
        Assert.Equal(2, loaded.Lines.Count);
        Assert.Equal(16.75m, loaded.Total);
        Assert.Equal(1.25m, loaded.DiscountTotal);
        Assert.Equal([12.25m, 4.50m], loaded.Lines.OrderBy(l => l.Id).Select(l => l.LineTotal));
    }
}

using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Simulation;

public sealed class BulkWriterTests
{
    private static readonly DateTime Signup = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    [Fact]
    public async Task Customers_round_trip_with_owned_consent_and_enum_conversions()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        var written = Enumerable.Range(1, 250).Select(i => NewCustomer(db, i)).ToList();

        await using (var context = db.Context())
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await using var writer = new BulkWriter(context);
            Assert.Equal(250, await writer.InsertAsync(written, CancellationToken.None));
            await transaction.CommitAsync();
        }

        await using var read = db.Context();
        var stored = await read.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(written.Count, stored.Count);
        foreach (var (expected, actual) in written.Zip(stored))
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.ExternalId, actual.ExternalId);
            Assert.Equal(expected.DisplayName, actual.DisplayName);
            Assert.Equal(expected.Email, actual.Email);
            Assert.Equal(expected.Phone, actual.Phone);
            Assert.Equal(expected.AgeBand, actual.AgeBand);
            Assert.Equal(expected.Region, actual.Region);
            Assert.Equal(expected.SignupDate, actual.SignupDate);
            Assert.Equal(DateTimeKind.Utc, actual.SignupDate.Kind);
            Assert.Equal(expected.SignupChannel, actual.SignupChannel);
            Assert.Equal(expected.TierCode, actual.TierCode);
            Assert.Equal(expected.Consent.Email, actual.Consent.Email);
            Assert.Equal(expected.Consent.Sms, actual.Consent.Sms);
            Assert.Equal(expected.Consent.Push, actual.Consent.Push);
            Assert.Equal(expected.Consent.Profiling, actual.Consent.Profiling);
            Assert.Equal(expected.Consent.UpdatedAt, actual.Consent.UpdatedAt);
        }
    }

    [Fact]
    public async Task Orders_lines_products_and_ledger_round_trip_with_decimals_and_nullable_columns()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await using var context = db.Context();
        var values = new EntityValues(context);
        var category = new Category("COFFEE", "Coffee");
        values.Set(category, nameof(Category.Id), 3);
        var product = new Product("SKU-1", "Espresso blend", 3, 12.49m);
        values.Set(product, nameof(Product.Id), 11);
        var customer = NewCustomer(db, 1);
        var order = new Order("ORD-1", customer.Id, Signup.AddDays(2), SalesChannel.App);
        values.Set(order, nameof(Order.Id), 500L);
        var line = order.AddLine(product.Id, 3, product.UnitPrice, 3.75m);
        values.Set(line, nameof(OrderLine.Id), 900L);
        values.Set(line, nameof(OrderLine.OrderId), 500L);
        var ledger = new PointsLedger(customer.Id);
        ledger.Earn(TierRules.Standard.Tiers[0].PointsFor(order.Total), order.OrderedAt, order.Id);
        ledger.Adjust(-5, order.OrderedAt.AddHours(1), "Goodwill correction");
        var viewed = new InteractionEvent(customer.Id, order.OrderedAt.AddMinutes(-3), InteractionType.CheckoutStep, SalesChannel.App, checkoutStep: 2);

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await using var writer = new BulkWriter(context);
            await writer.InsertAsync([category], CancellationToken.None);
            await writer.InsertAsync([product], CancellationToken.None);
            await writer.InsertAsync([customer], CancellationToken.None);
            await writer.InsertAsync([order], CancellationToken.None);
            await writer.InsertAsync([line], CancellationToken.None);
            await writer.InsertAsync(ledger.Entries, CancellationToken.None);
            await writer.InsertAsync([viewed], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = db.Context();
        var storedProduct = await read.Products.AsNoTracking().Include(p => p.Category).SingleAsync();
        Assert.Equal((11, 12.49m, "Coffee"), (storedProduct.Id, storedProduct.UnitPrice, storedProduct.Category!.Name));
        var storedOrder = await read.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync();
        Assert.Equal((500L, SalesChannel.App, 33.72m, 3.75m), (storedOrder.Id, storedOrder.Channel, storedOrder.Total, storedOrder.DiscountTotal));
        var storedLine = Assert.Single(storedOrder.Lines);
        Assert.Equal((900L, 11, 3, 12.49m, 3.75m, 33.72m),
            (storedLine.Id, storedLine.ProductId, storedLine.Quantity, storedLine.UnitPrice, storedLine.Discount, storedLine.LineTotal));
        var entries = await read.PointsLedger.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(PointsEntryType.Earn, 33, (long?)500, (string?)null), (PointsEntryType.Adjust, -5, null, "Goodwill correction")],
            entries.Select(e => (e.Type, e.Points, e.OrderId, e.Note)));
        var storedEvent = await read.InteractionEvents.AsNoTracking().SingleAsync();
        Assert.Equal((InteractionType.CheckoutStep, SalesChannel.App, (int?)2, (int?)null, (string?)null),
            (storedEvent.Type, storedEvent.Channel, storedEvent.CheckoutStep, storedEvent.ProductId, storedEvent.ExternalId));
    }

    [Fact]
    public async Task Rows_without_keys_get_keys_from_the_database()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await using (var context = db.Context())
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await using var writer = new BulkWriter(context);
            await writer.InsertAsync(TierRules.Standard.Tiers, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = db.Context();
        var tiers = await read.Tiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync();
        Assert.Equal(TierRules.Standard.Tiers.Select(t => (t.Code, t.QualifyingSpend, t.PointsPerCurrencyUnit)),
            tiers.Select(t => (t.Code, t.QualifyingSpend, t.PointsPerCurrencyUnit)));
        Assert.All(tiers, t => Assert.True(t.Id > 0));
    }

    [Fact]
    public async Task Writing_without_a_transaction_is_refused()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await using var context = db.Context();
        await using var writer = new BulkWriter(context);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            writer.InsertAsync([NewCustomer(db, 1)], CancellationToken.None));

        Assert.Contains("transaction", error.Message);
        Assert.Equal(0, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task A_failing_row_rolls_back_with_the_callers_transaction()
    {
        await using var db = await TempSqliteDatabase.CreateAsync();
        await using (var context = db.Context())
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await using var writer = new BulkWriter(context);
            await writer.InsertAsync([NewCustomer(db, 1), NewCustomer(db, 2)], CancellationToken.None);
            var duplicate = NewCustomer(db, 1);
            await Assert.ThrowsAnyAsync<Exception>(() => writer.InsertAsync([duplicate], CancellationToken.None));
        }

        await using var read = db.Context();
        Assert.Equal(0, await read.Customers.CountAsync());
    }

    private static Customer NewCustomer(TempSqliteDatabase db, int i)
    {
        var consent = new Consent(email: i % 2 == 0, sms: i % 3 == 0, push: i % 5 == 0, profiling: i % 7 != 0, Signup.AddMinutes(i));
        var customer = new Customer($"C-{i}", $"First{i}", $"Last{i}", i % 4 == 0 ? null : $"c{i}@example.com",
            i % 3 == 0 ? null : "+44 7700 900123", (AgeBand)(i % 7), "Wales", Signup.AddHours(i), (SalesChannel)(i % 3), consent);
        using var context = db.Context();
        new EntityValues(context).Set(customer, nameof(Customer.Id), (long)i);
        if (i % 2 == 0)
            customer.MoveToTier(TierRules.Standard.ByCode("GOLD"));
        return customer;
    }
}

using System.Net;
using System.Text.Json;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using static LoyaltyStudio.Web.Tests.Api.ApiAnswers;

namespace LoyaltyStudio.Web.Tests.Api;

public sealed class IngestionEndpointTests(IngestionApiFixture host) : IClassFixture<IngestionApiFixture>
{
    private static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    /// <summary>A demo customer not yet marked for re-scoring, and two SKUs of the demo catalogue.</summary>
    private async Task<(string Customer, string Sku1, string Sku2)> KnownAsync()
    {
        await using var db = await host.DbAsync();
        var customer = await db.Customers.Where(c => c.RescoreRequestedAt == null).OrderBy(c => c.Id).Select(c => c.ExternalId).FirstAsync();
        var skus = await db.Products.OrderBy(p => p.Id).Select(p => p.Sku).Take(2).ToListAsync();
        return (customer, skus[0], skus[1]);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var key = await host.CreateKeyAsync();
        using var client = host.Client(key.Secret);
        return await client.PostAsync(path, IngestionApiHost.Json(json));
    }

    [Fact]
    public async Task Orders_are_stored_with_their_lines_and_mark_the_customer_for_rescoring()
    {
        var (customer, sku1, sku2) = await KnownAsync();
        var orderId = NewId("ORD");
        var batch = Batch(new
        {
            orderId,
            customerId = customer,
            orderedAt = "2026-03-01T11:15:00+01:00",
            channel = "app",
            lines = new object[]
            {
                new { sku = sku1, quantity = 2, unitPrice = 3.50m },
                new { sku = sku2, quantity = 1, unitPrice = 10m, discount = 1.5m },
            },
        });

        using var response = await PostAsync("/api/v1/orders", batch);

        Assert.Equal((1, 1, 0), await CountsAsync(response));
        await using var db = await host.DbAsync();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == orderId);
        Assert.Equal(new DateTime(2026, 3, 1, 10, 15, 0, DateTimeKind.Utc), order.OrderedAt);
        Assert.Equal(Domain.Common.SalesChannel.App, order.Channel);
        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(15.50m, order.Total);
        var stored = await db.Customers.SingleAsync(c => c.ExternalId == customer);
        Assert.Equal(order.CustomerId, stored.Id);
        Assert.NotNull(stored.RescoreRequestedAt);
    }

    [Fact]
    public async Task Events_are_stored_for_the_customer_and_mark_them_for_rescoring()
    {
        var (customer, sku, _) = await KnownAsync();
        var view = NewId("EV");
        var step = NewId("EV");
        var batch = Batch(
            new { eventId = view, customerId = customer, occurredAt = "2026-03-02T08:00:00Z", type = "product_view", channel = "online", sku },
            new { eventId = step, customerId = customer, occurredAt = "2026-03-02T08:05:00Z", type = "checkoutStep", channel = "online", checkoutStep = 2 });

        using var response = await PostAsync("/api/v1/events", batch);

        Assert.Equal((2, 2, 0), await CountsAsync(response));
        await using var db = await host.DbAsync();
        var events = await db.InteractionEvents.Where(e => e.ExternalId == view || e.ExternalId == step).OrderBy(e => e.OccurredAt).ToListAsync();
        Assert.Equal([InteractionType.ProductView, InteractionType.CheckoutStep], events.Select(e => e.Type));
        Assert.NotNull(events[0].ProductId);
        Assert.Equal(2, events[1].CheckoutStep);
        Assert.NotNull((await db.Customers.SingleAsync(c => c.ExternalId == customer)).RescoreRequestedAt);
    }

    [Fact]
    public async Task Customers_are_stored_with_their_consent()
    {
        var id = NewId("CUS");
        var batch = Batch(new
        {
            customerId = id, firstName = "Grace", lastName = "Hopper", email = "grace@example.com", ageBand = "55-64",
            region = "North", signupDate = "2025-06-30", signupChannel = "store", consent = new { email = true, profiling = true },
        });

        using var response = await PostAsync("/api/v1/customers", batch);

        Assert.Equal((1, 1, 0), await CountsAsync(response));
        await using var db = await host.DbAsync();
        var customer = await db.Customers.SingleAsync(c => c.ExternalId == id);
        Assert.Equal("Grace Hopper", customer.DisplayName);
        Assert.Equal(Domain.Customers.AgeBand.From55To64, customer.AgeBand);
        Assert.Equal(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc), customer.SignupDate);
        Assert.True(customer.Consent.Email);
        Assert.False(customer.Consent.Sms);
        Assert.True(customer.Consent.Profiling);
        Assert.NotNull(customer.RescoreRequestedAt);
    }

    [Fact]
    public async Task Posting_the_same_batch_again_stores_nothing_new()
    {
        var (customer, sku, _) = await KnownAsync();
        var orderId = NewId("ORD");
        var batch = Batch(new { orderId, customerId = customer, orderedAt = "2026-03-03T09:00:00Z", lines = new[] { new { sku, quantity = 1, unitPrice = 4m } } });
        using (var first = await PostAsync("/api/v1/orders", batch))
            Assert.Equal((1, 1, 0), await CountsAsync(first));

        using var again = await PostAsync("/api/v1/orders", batch);

        Assert.Equal((1, 0, 1), await CountsAsync(again));
        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.ExternalId == orderId));
        Assert.Equal(1, await db.OrderLines.CountAsync(l => db.Orders.Any(o => o.Id == l.OrderId && o.ExternalId == orderId)));
    }

    [Fact]
    public async Task Wrong_json_type_is_a_400_problem_naming_the_item_and_field()
    {
        var (customer, sku, _) = await KnownAsync();
        var json = $$"""
            { "items": [
              { "orderId": "{{NewId("ORD")}}", "customerId": "{{customer}}", "orderedAt": "2026-03-01T10:00:00Z", "lines": [ { "sku": "{{sku}}", "quantity": 1, "unitPrice": 2 } ] },
              { "orderId": "{{NewId("ORD")}}", "customerId": "{{customer}}", "orderedAt": "2026-03-01T10:00:00Z", "lines": [ { "sku": "{{sku}}", "quantity": "three", "unitPrice": 2 } ] }
            ] }
            """;
        await using var db = await host.DbAsync();
        var ordersBefore = await db.Orders.CountAsync();

        using var response = await PostAsync("/api/v1/orders", json);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(errors["items[1].lines[0].quantity"]);
        Assert.Contains("expected a whole number", message);
        Assert.Equal(ordersBefore, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_named_per_item_and_nothing_of_the_batch_is_stored()
    {
        var (customer, sku, _) = await KnownAsync();
        var good = NewId("ORD");
        var batch = Batch(
            new { orderId = good, customerId = customer, orderedAt = "2026-03-01T10:00:00Z", lines = new[] { new { sku, quantity = 1, unitPrice = 2m } } },
            new { orderId = NewId("ORD"), lines = new[] { new { sku, quantity = 1, unitPrice = 2m } } },
            new { orderId = NewId("ORD"), customerId = customer, orderedAt = "2026-03-01 10:00", lines = new[] { new { sku, quantity = 0, unitPrice = 2m } } });

        using var response = await PostAsync("/api/v1/orders", batch);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("missing", Assert.Single(errors["items[1].customerId"]));
        Assert.Contains("missing", Assert.Single(errors["items[1].orderedAt"]));
        Assert.Contains("time zone", Assert.Single(errors["items[2].orderedAt"]));
        Assert.Contains("quantity other than zero", Assert.Single(errors["items[2].lines[0].quantity"]));
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("items[0]", StringComparison.Ordinal));
        await using var db = await host.DbAsync();
        Assert.False(await db.Orders.AnyAsync(o => o.ExternalId == good));
    }

    [Fact]
    public async Task Broken_json_is_a_400_saying_where()
    {
        using var response = await PostAsync("/api/v1/customers", """{ "items": [ { "customerId": "X1", } """);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        var (path, messages) = Assert.Single(errors);
        Assert.StartsWith("items[0]", path);
        Assert.Contains("not valid JSON", messages[0]);
        Assert.Contains("line 1", messages[0]);
    }

    [Fact]
    public async Task Two_thousand_items_are_refused_with_the_limit_and_nothing_is_stored()
    {
        var prefix = NewId("BULK");
        var items = Enumerable.Range(0, 2_000)
            .Select(i => (object)new { customerId = $"{prefix}-{i}", firstName = "Bulk", lastName = $"Customer {i}", signupDate = "2025-01-01" })
            .ToArray();

        using var response = await PostAsync("/api/v1/customers", Batch(items));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(errors["items"]);
        Assert.Contains("2,000 items", message);
        Assert.Contains("at most 1,000", message);
        await using var db = await host.DbAsync();
        Assert.False(await db.Customers.AnyAsync(c => c.ExternalId.StartsWith(prefix)));
    }

    [Fact]
    public async Task A_thousand_items_are_accepted_in_one_batch()
    {
        var prefix = NewId("K");
        var items = Enumerable.Range(0, 1_000)
            .Select(i => (object)new { customerId = $"{prefix}-{i}", firstName = "Many", lastName = $"Customer {i}", signupDate = "2025-01-01" })
            .ToArray();

        using var response = await PostAsync("/api/v1/customers", Batch(items));

        Assert.Equal((1_000, 1_000, 0), await CountsAsync(response));
        await using var db = await host.DbAsync();
        Assert.Equal(1_000, await db.Customers.CountAsync(c => c.ExternalId.StartsWith(prefix)));
    }

    [Fact]
    public async Task Body_over_the_size_limit_gets_413()
    {
        var padding = new string('x', 5 * 1024 * 1024);
        var json = Batch(new { customerId = NewId("BIG"), firstName = padding, lastName = "Big", signupDate = "2025-01-01" });

        using var response = await PostAsync("/api/v1/customers", json);

        var detail = await ProblemDetailAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Api:MaxBodyBytes", detail);
    }

    [Fact]
    public async Task Order_for_an_unknown_customer_is_422_naming_the_item_and_nothing_is_stored()
    {
        var (customer, sku, _) = await KnownAsync();
        var good = NewId("ORD");
        var batch = Batch(
            new { orderId = good, customerId = customer, orderedAt = "2026-03-01T10:00:00Z", lines = new[] { new { sku, quantity = 1, unitPrice = 2m } } },
            new { orderId = NewId("ORD"), customerId = "NO-SUCH-CUSTOMER", orderedAt = "2026-03-01T10:00:00Z", lines = new[] { new { sku, quantity = 1, unitPrice = 2m } } });

        using var response = await PostAsync("/api/v1/orders", batch);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a known customer", Assert.Single(errors["items[1].customerId"]));
        await using var db = await host.DbAsync();
        Assert.False(await db.Orders.AnyAsync(o => o.ExternalId == good));
        Assert.Null((await db.Customers.SingleAsync(c => c.ExternalId == customer)).RescoreRequestedAt);
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_is_refused()
    {
        var id = NewId("EV");
        var (customer, _, _) = await KnownAsync();
        var item = new { eventId = id, customerId = customer, occurredAt = "2026-03-02T08:00:00Z", type = "appOpen", channel = "app" };

        using var response = await PostAsync("/api/v1/events", Batch(item, item));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("first at items[0]", Assert.Single(errors["items[1].eventId"]));
    }

    [Fact]
    public async Task OpenApi_document_is_public_and_lists_the_three_endpoints_with_the_key_scheme()
    {
        using var anonymous = host.Client(secret: null);

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/customers", "/api/v1/events", "/api/v1/orders"], paths);
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("OrderItem", out _));
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Api;

/// <summary>Customers by external id; a customer already stored is left as it is (as the importer does).</summary>
public sealed class CustomerIngestion(IDbContextFactory<LoyaltyDbContext> contexts, TimeProvider clock)
    : BatchIngestion<CustomerItem, CustomerIngestion.ParsedCustomer>(contexts, clock)
{
    /// <summary>A checked customer; consent is stamped when stored.</summary>
    public sealed record ParsedCustomer(string CustomerId, string FirstName, string LastName, string? Email, string? Phone,
        AgeBand AgeBand, string Region, DateTime SignupDate, SalesChannel SignupChannel, ConsentItem Consent);

    protected override string IdField => "customerId";

    protected override string IdOf(ParsedCustomer parsed) => parsed.CustomerId;

    protected override ParsedCustomer Parse(CustomerItem item, string path, ItemFields fields)
    {
        var customerId = fields.Required(item.CustomerId, $"{path}.customerId", fields.MaxLength<Customer>(nameof(Customer.ExternalId))) ?? "";
        var nameLength = fields.MaxLength<Customer>(nameof(Customer.FirstName));
        var firstName = fields.Required(item.FirstName, $"{path}.firstName", nameLength) ?? "";
        var lastName = fields.Required(item.LastName, $"{path}.lastName", fields.MaxLength<Customer>(nameof(Customer.LastName))) ?? "";
        var email = fields.Optional(item.Email, $"{path}.email", fields.MaxLength<Customer>(nameof(Customer.Email)));
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            fields.Errors.Add($"{path}.email", $"'{email}' is not an e-mail address");
        var phone = fields.Optional(item.Phone, $"{path}.phone", fields.MaxLength<Customer>(nameof(Customer.Phone)));
        var ageBand = AgeBandOf(item.AgeBand, $"{path}.ageBand", fields);
        var region = fields.Optional(item.Region, $"{path}.region", fields.MaxLength<Customer>(nameof(Customer.Region))) ?? "";
        var signup = fields.Timestamp(item.SignupDate, $"{path}.signupDate", dateOnly: true) ?? default;
        var channel = fields.Enum<SalesChannel>(item.SignupChannel, $"{path}.signupChannel", SalesChannel.Online) ?? default;
        return new ParsedCustomer(customerId, firstName, lastName, email, phone, ageBand, region, signup, channel, item.Consent ?? new ConsentItem());
    }

    protected override async Task<int> AddNewAsync(LoyaltyDbContext db, IReadOnlyList<Checked> items, DateTime now, ItemErrors errors,
        CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Item.CustomerId).ToList();
        var stored = await db.Customers.Where(c => ids.Contains(c.ExternalId)).Select(c => c.ExternalId).ToListAsync(cancellationToken);
        var existing = stored.ToHashSet(StringComparer.Ordinal);
        foreach (var (_, p) in items.Where(i => !existing.Contains(i.Item.CustomerId)))
        {
            var consent = new Consent(p.Consent.Email ?? false, p.Consent.Sms ?? false, p.Consent.Push ?? false, p.Consent.Profiling ?? false, now);
            var customer = new Customer(p.CustomerId, p.FirstName, p.LastName, p.Email, p.Phone, p.AgeBand, p.Region, p.SignupDate,
                p.SignupChannel, consent);
            customer.MarkForRescoring(now);
            db.Customers.Add(customer);
        }
        return existing.Count;
    }

    /// <summary>Age bands by the usual labels (25-34, under 25, 65+) or by name (From25To34); empty is unknown.</summary>
    private static AgeBand AgeBandOf(string? text, string path, ItemFields fields) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => AgeBand.Unknown,
        "<25" or "under 25" or "18-24" or "16-24" => AgeBand.Under25,
        "25-34" => AgeBand.From25To34,
        "35-44" => AgeBand.From35To44,
        "45-54" => AgeBand.From45To54,
        "55-64" => AgeBand.From55To64,
        "65+" or ">=65" or "65 and over" => AgeBand.From65,
        _ => fields.Enum<AgeBand>(text, path) ?? AgeBand.Unknown,
    };
}

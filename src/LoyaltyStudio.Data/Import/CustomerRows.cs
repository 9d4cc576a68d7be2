using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>Customers by external id; existing customers are left as they are.</summary>
internal sealed class CustomerRows(ImportSession session) : ImportHandler(session)
{
    private const int BatchSize = 500;
    private readonly Dictionary<string, long> _linesById = new(StringComparer.Ordinal);
    private readonly List<Customer> _batch = [];

    public override Task StartAsync(CancellationToken cancellationToken) => Session.LoadCustomersAsync(cancellationToken);

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var externalId = row.Text(C.CustomerId, ColumnSizes.ExternalId);
        var firstName = row.Text(C.FirstName, ColumnSizes.Name);
        var lastName = row.Text(C.LastName, ColumnSizes.Name);
        var email = row.OptionalText(C.Email, ColumnSizes.Email);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            row.Fail(C.Email, email, "is not an e-mail address");
        var phone = row.OptionalText(C.Phone, ColumnSizes.Phone);
        var ageBand = AgeBandOf(row);
        var region = row.Text(C.Region, ColumnSizes.Name) ?? "";
        var signup = row.Date(C.SignupDate);
        var channel = row.Enum<SalesChannel>(C.SignupChannel, SalesChannel.Online);
        var consent = new Consent(row.Bool(C.ConsentEmail), row.Bool(C.ConsentSms), row.Bool(C.ConsentPush),
            row.Bool(C.ConsentProfiling), Session.Now);
        if (!row.IsValid)
            return;
        if (_linesById.TryGetValue(externalId!, out var first))
        {
            row.Fail(C.CustomerId, externalId, $"appears twice in the file (first on line {first}); customer ids must be unique");
            return;
        }
        _linesById[externalId!] = row.Line;
        if (Session.KnowsCustomer(externalId))
        {
            Session.AlreadyPresent++;
            return;
        }
        var customer = new Customer(externalId!, firstName!, lastName!, email, phone, ageBand, region, signup!.Value, channel!.Value, consent);
        if (!Session.Writing)
            return;
        _batch.Add(customer);
        Session.Written++;
        if (_batch.Count >= BatchSize)
            await FinishAsync(cancellationToken);
    }

    public override async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count > 0 && Session.Writing)
            await Session.Bulk.InsertAsync(_batch, cancellationToken);
        _batch.Clear();
    }

    /// <summary>Age bands by name (From25To34) or by the usual labels (25-34, under 25, 65+).</summary>
    private static AgeBand AgeBandOf(ImportRow row)
    {
        var text = row.Span(C.AgeBand);
        switch (text)
        {
            case "": return AgeBand.Unknown;
            case "<25" or "under 25" or "18-24" or "16-24": return AgeBand.Under25;
            case "25-34": return AgeBand.From25To34;
            case "35-44": return AgeBand.From35To44;
            case "45-54": return AgeBand.From45To54;
            case "55-64": return AgeBand.From55To64;
            case "65+" or ">=65" or "65 and over": return AgeBand.From65;
        }
        return row.Enum<AgeBand>(C.AgeBand) ?? AgeBand.Unknown;
    }
}

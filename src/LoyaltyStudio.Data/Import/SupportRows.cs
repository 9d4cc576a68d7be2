using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Engagement;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>Support contacts by contact id; the customer must exist.</summary>
internal sealed class SupportRows(ImportSession session) : ImportHandler(session)
{
    private const int BatchSize = 1_000;
    private readonly Dictionary<string, long> _linesById = new(StringComparer.Ordinal);
    private readonly List<SupportContact> _batch = [];
    private HashSet<string> _existing = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Session.LoadCustomersAsync(cancellationToken);
        _existing = await Session.ExistingKeysAsync<SupportContact>(nameof(SupportContact.ExternalId), cancellationToken);
    }

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var externalId = row.Text(C.ContactId, ColumnSizes.ExternalId);
        var customerId = EventRows.CustomerOf(row, Session, C.CustomerId);
        var at = row.Date(C.OpenedAt);
        var topic = row.Enum<SupportTopic>(C.Topic);
        var outcome = row.Enum<SupportOutcome>(C.Outcome);
        if (!row.IsValid)
            return;
        if (_linesById.TryGetValue(externalId!, out var first))
        {
            row.Fail(C.ContactId, externalId, $"appears twice in the file (first on line {first}); contact ids must be unique");
            return;
        }
        _linesById[externalId!] = row.Line;
        if (_existing.Contains(externalId!))
        {
            Session.AlreadyPresent++;
            return;
        }
        if (!Session.Writing)
            return;
        _batch.Add(new SupportContact(customerId!.Value, at!.Value, topic!.Value, outcome!.Value, externalId));
        Session.TouchedCustomers.Add(customerId.Value);
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
}

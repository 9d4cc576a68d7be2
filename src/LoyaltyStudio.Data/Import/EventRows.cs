using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>Interaction events by event id; the customer must exist, the product (optional) too.</summary>
internal sealed class EventRows(ImportSession session) : ImportHandler(session)
{
    private const int BatchSize = 1_000;
    private readonly Dictionary<string, long> _linesById = new(StringComparer.Ordinal);
    private readonly List<InteractionEvent> _batch = [];
    private HashSet<string> _existing = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Session.LoadCustomersAsync(cancellationToken);
        await Session.LoadProductsAsync(cancellationToken);
        _existing = await Session.ExistingKeysAsync<InteractionEvent>(nameof(InteractionEvent.ExternalId), cancellationToken);
    }

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var externalId = row.Text(C.EventId, ColumnSizes.ExternalId);
        var customerId = CustomerOf(row, Session, C.CustomerId);
        var at = row.Date(C.OccurredAt);
        var type = row.Enum<InteractionType>(C.EventType);
        var channel = row.Enum<SalesChannel>(C.EventChannel);
        int? productId = null;
        var sku = row.Span(C.EventSku);
        if (!sku.IsEmpty)
        {
            if (Session.TryProduct(sku, out var id))
                productId = id;
            else
                row.Fail(C.EventSku, sku, "is not a known SKU; import the products first");
        }
        var step = row.Int(C.CheckoutStep, required: false);
        if (!row.IsValid)
            return;
        InteractionEvent interaction;
        try
        {
            interaction = new InteractionEvent(customerId!.Value, at!.Value, type!.Value, channel!.Value, productId, step, externalId);
        }
        catch (Domain.Common.DomainException ex)
        {
            row.Fail(C.CheckoutStep, row.Span(C.CheckoutStep), ex.Message);
            return;
        }
        if (_linesById.TryGetValue(externalId!, out var first))
        {
            row.Fail(C.EventId, externalId, $"appears twice in the file (first on line {first}); event ids must be unique");
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
        _batch.Add(interaction);
        Session.TouchedCustomers.Add(interaction.CustomerId);
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

    /// <summary>The database id of the row's customer, or null with an error naming the unknown id.</summary>
    internal static long? CustomerOf(ImportRow row, ImportSession session, ImportColumn column)
    {
        var text = row.Span(column);
        if (text.IsEmpty)
        {
            row.Fail(column, text, "is empty; a customer id is required");
            return null;
        }
        if (session.TryCustomer(text, out var id))
            return id;
        row.Fail(column, text, "is not a known customer; import the customers first");
        return null;
    }
}

using System.Data.Common;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore.Storage;

namespace LoyaltyStudio.Data.Import;

/// <summary>
/// Groups order lines into orders by order id (lines of one order usually follow each other; a later line of an
/// order already written is added to it) and writes orders and lines through prepared batched inserts. An order
/// already in the database is not touched: its lines count as already present.
/// </summary>
internal abstract class OrderRowsBase(ImportSession session) : ImportHandler(session)
{
    private readonly Dictionary<string, OrderState> _orders = new(StringComparer.Ordinal);
    private BatchedInsert _orderRows = null!;
    private BatchedInsert _lineRows = null!;
    private DbCommand? _exists;
    private OrderState? _current;
    private long _nextOrderId;

    /// <summary>One order of the file: where it goes, what it must agree with, what it holds so far.</summary>
    protected sealed class OrderState(string externalId)
    {
        public string ExternalId { get; } = externalId;
        public long Id { get; set; }
        public bool InDatabase { get; init; }
        public long FirstLine { get; set; }
        public long CustomerId { get; set; }
        public DateTime OrderedAt { get; set; }
        public SalesChannel Channel { get; set; }
        public List<int> Products { get; } = [];
        public Order? Pending { get; set; }
        public bool Written { get; set; }
        public decimal Total { get; set; }
        public decimal DiscountTotal { get; set; }
        public bool TotalsChanged { get; set; }
    }

    public override IReadOnlyList<Type> BulkTables { get; } = [typeof(Order), typeof(OrderLine)];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Session.LoadCustomersAsync(cancellationToken);
        await Session.LoadProductsAsync(cancellationToken);
        _nextOrderId = await Session.NextIdAsync<Order>(cancellationToken);
        if (await Session.CountAsync<Order>(cancellationToken) > 0)
        {
            _exists = Session.Command($"SELECT COUNT(*) FROM {Session.Table<Order>()} WHERE {Session.Column<Order>(nameof(Order.ExternalId))} = @id");
            var parameter = _exists.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = "";
            _exists.Parameters.Add(parameter);
        }
        _orderRows = BatchedInsert.For<Order>(Session.Context, nameof(Order.Id), nameof(Order.ExternalId), nameof(Order.CustomerId),
            nameof(Order.OrderedAt), nameof(Order.Channel), nameof(Order.Total), nameof(Order.DiscountTotal));
        _lineRows = BatchedInsert.For<OrderLine>(Session.Context, nameof(OrderLine.OrderId), nameof(OrderLine.ProductId),
            nameof(OrderLine.Quantity), nameof(OrderLine.UnitPrice), nameof(OrderLine.Discount), nameof(OrderLine.LineTotal));
        _lineRows.BeforeExecute = _orderRows.FlushAsync; // lines point at their order
    }

    /// <summary>The order this id names if the file mentioned it before (the current order or an earlier one), else null.</summary>
    protected OrderState? KnownOrder(ReadOnlySpan<char> externalId)
    {
        if (_current is not null && externalId.SequenceEqual(_current.ExternalId))
            return _current;
        return _orders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(externalId, out var seen) ? seen : null;
    }

    /// <summary>An order first seen in this file; it may already be in the database.</summary>
    protected async ValueTask<OrderState> NewOrderAsync(string externalId, CancellationToken cancellationToken)
    {
        var state = new OrderState(externalId) { InDatabase = await ExistsAsync(externalId, cancellationToken) };
        _orders[externalId] = state;
        return state;
    }

    /// <summary>
    /// Adds a validated line to <paramref name="order"/>: checks it agrees with the order's earlier lines and is not a
    /// second line for the same product, applies the domain's line rules, and writes it (with the order) when due.
    /// </summary>
    protected async ValueTask AddLineAsync(ImportRow row, OrderState order, long customerId, DateTime orderedAt, SalesChannel channel,
        int productId, int quantity, decimal unitPrice, decimal discount, OrderColumns columns, CancellationToken cancellationToken)
    {
        if (order.FirstLine != 0)
        {
            if (order.CustomerId != customerId)
                row.Fail(columns.Customer, row.Span(columns.Customer), $"differs from the customer of order {order.ExternalId} on line {order.FirstLine}");
            if (order.OrderedAt != orderedAt)
                row.Fail(columns.OrderedAt, row.Span(columns.OrderedAt), $"differs from the date of order {order.ExternalId} on line {order.FirstLine}");
            if (order.Channel != channel && columns.Channel is not null)
                row.Fail(columns.Channel, row.Span(columns.Channel), $"differs from the channel of order {order.ExternalId} on line {order.FirstLine}");
            if (order.Products.Contains(productId))
                row.Fail(columns.Product, row.Span(columns.Product), $"is on order {order.ExternalId} twice (first on line {order.FirstLine}); the same order line appears twice");
            if (!row.IsValid)
                return;
        }

        var domain = order.Pending ?? new Order(order.ExternalId, customerId, orderedAt, channel);
        try
        {
            domain.AddLine(productId, quantity, unitPrice, discount);
        }
        catch (DomainException ex)
        {
            var column = quantity == 0 ? columns.Quantity : unitPrice < 0 ? columns.UnitPrice : columns.Discount ?? columns.UnitPrice;
            row.Fail(column, row.Span(column), ex.Message);
            return;
        }

        if (order.FirstLine == 0)
        {
            order.FirstLine = row.Line;
            order.CustomerId = customerId;
            order.OrderedAt = orderedAt;
            order.Channel = channel;
        }
        order.Products.Add(productId);
        if (order.InDatabase)
        {
            Session.AlreadyPresent++;
            return;
        }
        if (!Session.Writing)
            return;

        Session.Written++;
        Session.TouchedCustomers.Add(customerId);
        if (order.Written)
        {
            // A late line of an order already written from this file: add the line, fix the totals at the end.
            var line = domain.Lines[^1];
            order.Total += line.LineTotal;
            order.DiscountTotal += line.Discount;
            order.TotalsChanged = true;
            await WriteLineAsync(order.Id, line, cancellationToken);
            return;
        }
        if (!ReferenceEquals(order, _current))
        {
            await FlushCurrentAsync(cancellationToken);
            _current = order;
        }
        order.Pending = domain;
    }

    private async Task FlushCurrentAsync(CancellationToken cancellationToken)
    {
        if (_current?.Pending is not { } order || !Session.Writing)
            return;
        var state = _current;
        state.Id = _nextOrderId++;
        state.Total = order.Total;
        state.DiscountTotal = order.DiscountTotal;
        var row = _orderRows.NextRow();
        row[0] = state.Id;
        row[1] = order.ExternalId;
        row[2] = order.CustomerId;
        row[3] = order.OrderedAt;
        row[4] = order.Channel;
        row[5] = order.Total;
        row[6] = order.DiscountTotal;
        await _orderRows.RowDoneAsync(cancellationToken);
        foreach (var line in order.Lines)
            await WriteLineAsync(state.Id, line, cancellationToken);
        Session.OrdersWritten++;
        state.Pending = null;
        state.Written = true;
        _current = null;
    }

    private ValueTask WriteLineAsync(long orderId, OrderLine line, CancellationToken cancellationToken)
    {
        var row = _lineRows.NextRow();
        row[0] = orderId;
        row[1] = line.ProductId;
        row[2] = line.Quantity;
        row[3] = line.UnitPrice;
        row[4] = line.Discount;
        row[5] = line.LineTotal;
        return _lineRows.RowDoneAsync(cancellationToken);
    }

    public override async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushCurrentAsync(cancellationToken);
        if (!Session.Writing)
            return;
        await _orderRows.FlushAsync(cancellationToken);
        await _lineRows.FlushAsync(cancellationToken);
        var changed = _orders.Values.Where(o => o.TotalsChanged).ToList();
        if (changed.Count == 0)
            return;
        var model = Session.Context.Model.FindEntityType(typeof(Order))!;
        await using var update = Session.Command(
            $"UPDATE {Session.Table<Order>()} SET {Session.Column<Order>(nameof(Order.Total))} = @total, " +
            $"{Session.Column<Order>(nameof(Order.DiscountTotal))} = @discount WHERE {Session.Column<Order>(nameof(Order.Id))} = @id");
        var money = (RelationalTypeMapping)model.FindProperty(nameof(Order.Total))!.GetTypeMapping();
        update.Parameters.Add(money.CreateParameter(update, "@total", 0m));
        update.Parameters.Add(money.CreateParameter(update, "@discount", 0m));
        var id = update.CreateParameter();
        id.ParameterName = "@id";
        id.Value = 0L;
        update.Parameters.Add(id);
        foreach (var order in changed)
        {
            update.Parameters[0].Value = order.Total;
            update.Parameters[1].Value = order.DiscountTotal;
            update.Parameters[2].Value = order.Id;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<bool> ExistsAsync(string externalId, CancellationToken cancellationToken)
    {
        if (_exists is null)
            return false;
        _exists.Parameters[0].Value = externalId;
        return Convert.ToInt64(await _exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_exists is not null)
            await _exists.DisposeAsync();
        if (_orderRows is not null)
            await _orderRows.DisposeAsync();
        if (_lineRows is not null)
            await _lineRows.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Which file columns hold the order's parts, to name them in errors.</summary>
    protected sealed record OrderColumns(ImportColumn Order, ImportColumn Customer, ImportColumn OrderedAt, ImportColumn? Channel,
        ImportColumn Product, ImportColumn Quantity, ImportColumn UnitPrice, ImportColumn? Discount);
}

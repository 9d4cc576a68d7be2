using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using C = LoyaltyStudio.Data.Import.ImportColumns;

namespace LoyaltyStudio.Data.Import;

/// <summary>
/// Orders in the public retail-transactions layout (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
/// CustomerID, Country). Invoices starting with C are cancellations and carry negative quantities (stored as returns);
/// rows without a CustomerID are invalid and counted; unknown StockCodes become products in "Uncategorised";
/// the channel is Online.
/// </summary>
internal sealed class RetailOrderRows(ImportSession session) : OrderRowsBase(session)
{
    /// <summary>The category of products created from StockCodes the catalogue does not know.</summary>
    public const string NewProductCategory = "Uncategorised";

    private static readonly OrderColumns Columns = new(C.InvoiceNo, C.RetailCustomerId, C.InvoiceDate, null, C.StockCode,
        C.RetailQuantity, C.RetailUnitPrice, null);

    public override async ValueTask ProcessAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var invoice = row.Span(C.InvoiceNo);
        if (invoice.IsEmpty)
            row.Fail(C.InvoiceNo, invoice, "is empty; an invoice number is required");
        else if (!ImportSession.FitsExternalId(invoice))
            row.Fail(C.InvoiceNo, invoice, $"is longer than {ColumnSizes.ExternalId} characters");

        var customer = row.Span(C.RetailCustomerId);
        if (customer.EndsWith(".0") && long.TryParse(customer[..^2], out _))
            customer = customer[..^2]; // spreadsheet exports write the numeric CustomerID as 17850.0
        long customerId = 0;
        if (customer.IsEmpty)
        {
            Session.WithoutCustomer++;
            row.Fail(C.RetailCustomerId, customer, "is empty: a row without a customer cannot be attributed (counted as 'without a customer')");
        }
        else if (!Session.TryCustomer(customer, out customerId) && !Session.Options.CreateMissingCustomers)
        {
            row.Fail(C.RetailCustomerId, customer, "is not a known customer; import the customers first or use --create-missing-customers");
        }

        var stockCode = row.Text(C.StockCode, ColumnSizes.Code);
        var quantity = row.Int(C.RetailQuantity);
        var invoiceDate = row.Date(C.InvoiceDate);
        var unitPrice = row.Decimal(C.RetailUnitPrice);
        if (invoice.Length > 0 && (invoice[0] is 'C' or 'c') && quantity > 0)
            row.Fail(C.RetailQuantity, row.Span(C.RetailQuantity), $"is positive on cancellation invoice {invoice}; a cancellation carries negative quantities");
        if (!row.IsValid)
            return;

        var order = KnownOrder(invoice);
        var newOrderId = order is null ? invoice.ToString() : null;
        string? newProductName = null;
        if (!Session.TryProduct(stockCode, out var productId))
        {
            var description = row.Span(C.Description);
            newProductName = description.IsEmpty ? stockCode! : description[..Math.Min(description.Length, ColumnSizes.Name)].ToString();
        }
        string? newCustomerId = null, newCustomerRegion = null;
        if (customerId == 0 && !Session.TryCustomer(customer, out customerId))
        {
            var country = row.Span(C.Country);
            newCustomerId = customer.ToString();
            newCustomerRegion = country[..Math.Min(country.Length, ColumnSizes.Name)].ToString();
        }

        order ??= await NewOrderAsync(newOrderId!, cancellationToken);
        if (newProductName is not null)
        {
            var category = await Session.CategoryAsync(NewProductCategory, cancellationToken);
            productId = await Session.CreateProductAsync(new Product(stockCode!, newProductName, category, Math.Abs(unitPrice!.Value)), cancellationToken);
        }
        if (newCustomerId is not null)
            customerId = await Session.CreateCustomerAsync(newCustomerId, newCustomerRegion!, invoiceDate!.Value, cancellationToken);
        await AddLineAsync(row, order, customerId, invoiceDate!.Value, SalesChannel.Online, productId, quantity!.Value, unitPrice!.Value,
            0m, Columns, cancellationToken);
    }
}

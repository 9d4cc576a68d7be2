namespace LoyaltyStudio.Data.Import;

/// <summary>One column a kind of file can have: its canonical name, the header spellings accepted, and whether it must be there.</summary>
/// <remarks>A class, not a record: columns are looked up per field per row, and reference equality keeps that cheap.</remarks>
public sealed class ImportColumn(string name, bool required, params string[] aliases)
{
    public string Name { get; } = name;
    public bool Required { get; } = required;
    public IReadOnlyList<string> Aliases { get; } = aliases;

    /// <summary>Headers compare without case, spaces, underscores and hyphens: "Order ID", "order_id" and "OrderId" are one name.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var n = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (c is ' ' or '_' or '-' or '.' or '\uFEFF' || char.IsWhiteSpace(c))
                continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    internal bool Matches(string normalizedHeader) =>
        Normalize(Name) == normalizedHeader || Aliases.Any(a => Normalize(a) == normalizedHeader);
}

/// <summary>The columns of each kind of file, as documented in README ("Importing data").</summary>
public static class ImportColumns
{
    public static readonly ImportColumn CustomerId = new("customer_id", true, "customer", "customer_no", "customer_number", "external_id");
    public static readonly ImportColumn FirstName = new("first_name", true, "firstname", "given_name");
    public static readonly ImportColumn LastName = new("last_name", true, "lastname", "surname", "family_name");
    public static readonly ImportColumn Email = new("email", false, "e_mail", "email_address");
    public static readonly ImportColumn Phone = new("phone", false, "phone_number", "mobile");
    public static readonly ImportColumn AgeBand = new("age_band", false, "age_group");
    public static readonly ImportColumn Region = new("region", false, "country");
    public static readonly ImportColumn SignupDate = new("signup_date", true, "signed_up", "joined", "joined_at", "signup_at");
    public static readonly ImportColumn SignupChannel = new("signup_channel", false);
    public static readonly ImportColumn ConsentEmail = new("consent_email", false);
    public static readonly ImportColumn ConsentSms = new("consent_sms", false);
    public static readonly ImportColumn ConsentPush = new("consent_push", false);
    public static readonly ImportColumn ConsentProfiling = new("consent_profiling", false);

    public static readonly ImportColumn Sku = new("sku", true, "product_id", "product", "stock_code");
    public static readonly ImportColumn ProductName = new("name", true, "product_name", "description", "title");
    public static readonly ImportColumn Category = new("category", true, "category_code", "category_name");
    public static readonly ImportColumn UnitPrice = new("unit_price", true, "price");

    public static readonly ImportColumn OrderId = new("order_id", true, "order_no", "order_number", "order");
    public static readonly ImportColumn OrderedAt = new("ordered_at", true, "order_date", "ordered_on", "date");
    public static readonly ImportColumn Channel = new("channel", false, "sales_channel");
    public static readonly ImportColumn Quantity = new("quantity", true, "qty");
    public static readonly ImportColumn Discount = new("discount", false);

    public static readonly ImportColumn InvoiceNo = new("InvoiceNo", true, "Invoice");
    public static readonly ImportColumn StockCode = new("StockCode", true);
    public static readonly ImportColumn Description = new("Description", false);
    public static readonly ImportColumn RetailQuantity = new("Quantity", true);
    public static readonly ImportColumn InvoiceDate = new("InvoiceDate", true);
    public static readonly ImportColumn RetailUnitPrice = new("UnitPrice", true, "Price");
    public static readonly ImportColumn RetailCustomerId = new("CustomerID", true, "Customer ID");
    public static readonly ImportColumn Country = new("Country", false);

    public static readonly ImportColumn EventId = new("event_id", true, "id");
    public static readonly ImportColumn OccurredAt = new("occurred_at", true, "timestamp", "event_time", "at");
    public static readonly ImportColumn EventType = new("type", true, "event_type");
    public static readonly ImportColumn EventChannel = new("channel", true);
    public static readonly ImportColumn EventSku = new("sku", false, "product_id", "product");
    public static readonly ImportColumn CheckoutStep = new("checkout_step", false, "step");

    public static readonly ImportColumn ContactId = new("contact_id", true, "ticket_id", "case_id", "id");
    public static readonly ImportColumn OpenedAt = new("opened_at", true, "created_at", "date");
    public static readonly ImportColumn Topic = new("topic", true);
    public static readonly ImportColumn Outcome = new("outcome", true);

    /// <summary>The columns of <paramref name="kind"/> in our own layout (orders also accept <see cref="RetailOrders"/>).</summary>
    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [CustomerId, FirstName, LastName, Email, Phone, AgeBand, Region, SignupDate, SignupChannel,
            ConsentEmail, ConsentSms, ConsentPush, ConsentProfiling],
        ImportKind.Products => [Sku, ProductName, Category, UnitPrice],
        ImportKind.Orders => [OrderId, CustomerId, OrderedAt, Channel, Sku, Quantity, UnitPrice, Discount],
        ImportKind.Events => [EventId, CustomerId, OccurredAt, EventType, EventChannel, EventSku, CheckoutStep],
        ImportKind.Support => [ContactId, CustomerId, OpenedAt, Topic, Outcome],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown import kind."),
    };

    /// <summary>The public retail-transactions layout of orders files (InvoiceNo, StockCode, ...).</summary>
    public static IReadOnlyList<ImportColumn> RetailOrders { get; } =
        [InvoiceNo, StockCode, Description, RetailQuantity, InvoiceDate, RetailUnitPrice, RetailCustomerId, Country];
}

using System.Data.Common;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LoyaltyStudio.Data.Import;

/// <summary>
/// What the rows of one import share: the connection and its one transaction, the natural-key lookups
/// (customers by external id, products by SKU, categories by code), the counters, and whether rows are still
/// being written (in all-or-nothing mode writing stops at the first invalid row; validation goes on).
/// </summary>
internal sealed class ImportSession(LoyaltyDbContext context, CsvImportOptions options, DateTime now) : IAsyncDisposable
{
    private const int RescoreChunk = 100;
    private readonly BulkWriter _bulk = new(context);
    private readonly EntityValues _values = new(context);
    private readonly ISqlGenerationHelper _sql = context.GetService<ISqlGenerationHelper>();
    private Dictionary<string, long>? _customers;
    private Dictionary<string, int>? _products;
    private Dictionary<string, int>? _categories;
    private long _nextCustomerId;
    private int _nextProductId;
    private int _nextCategoryId;

    public LoyaltyDbContext Context { get; } = context;
    public CsvImportOptions Options { get; } = options;
    public DateTime Now { get; } = now;
    public DbTransaction Transaction => Context.Database.CurrentTransaction!.GetDbTransaction();

    /// <summary>False once an invalid row was found in all-or-nothing mode: the rest is validated, not written.</summary>
    public bool Writing { get; set; } = true;

    public long Written { get; set; }
    public long AlreadyPresent { get; set; }
    public long OrdersWritten { get; set; }
    public long CustomersCreated { get; private set; }
    public long ProductsCreated { get; private set; }
    public long CategoriesCreated { get; private set; }
    public long WithoutCustomer { get; set; }
    public HashSet<long> TouchedCustomers { get; } = [];

    public BulkWriter Bulk => _bulk;

    public async Task LoadCustomersAsync(CancellationToken cancellationToken)
    {
        _customers = new Dictionary<string, long>(StringComparer.Ordinal);
        var customers = _customers;
        await ReadAllAsync(
            $"SELECT {Column<Customer>(nameof(Customer.Id))}, {Column<Customer>(nameof(Customer.ExternalId))} FROM {Table<Customer>()}",
            r => customers[r.GetString(1)] = r.GetInt64(0), cancellationToken);
        _nextCustomerId = await NextIdAsync<Customer>(cancellationToken);
    }

    public bool TryCustomer(ReadOnlySpan<char> externalId, out long id) =>
        _customers!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(externalId, out id);

    public bool KnowsCustomer(ReadOnlySpan<char> externalId) => TryCustomer(externalId, out _);

    /// <summary>A minimal customer with just the external id (option create-missing-customers), marked for scoring.</summary>
    public async Task<long> CreateCustomerAsync(string externalId, string region, DateTime signup, CancellationToken cancellationToken)
    {
        var id = _nextCustomerId++;
        _customers![externalId] = id;
        CustomersCreated++;
        if (Writing)
        {
            var customer = new Customer(externalId, "", "", null, null, AgeBand.Unknown, region, signup, SalesChannel.Online, Consent.None(Now));
            customer.MarkForRescoring(Now);
            _values.Set(customer, nameof(Customer.Id), id);
            await _bulk.InsertAsync([customer], cancellationToken);
        }
        return id;
    }

    public void AddCustomerKey(string externalId) => _customers![externalId] = 0;

    public async Task LoadProductsAsync(CancellationToken cancellationToken)
    {
        _products = new Dictionary<string, int>(StringComparer.Ordinal);
        var products = _products;
        await ReadAllAsync(
            $"SELECT {Column<Product>(nameof(Product.Id))}, {Column<Product>(nameof(Product.Sku))} FROM {Table<Product>()}",
            r => products[r.GetString(1)] = r.GetInt32(0), cancellationToken);
        var categories = _categories = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await ReadAllAsync(
            $"SELECT {Column<Category>(nameof(Category.Id))}, {Column<Category>(nameof(Category.Code))} FROM {Table<Category>()}",
            r => categories[r.GetString(1)] = r.GetInt32(0), cancellationToken);
        _nextProductId = (int)await NextIdAsync<Product>(cancellationToken);
        _nextCategoryId = (int)await NextIdAsync<Category>(cancellationToken);
    }

    public bool TryProduct(ReadOnlySpan<char> sku, out int id) =>
        _products!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(sku, out id);

    /// <summary>The category with this code, created (code and name the same) when it does not exist yet.</summary>
    public async Task<int> CategoryAsync(string code, CancellationToken cancellationToken)
    {
        if (_categories!.TryGetValue(code, out var id))
            return id;
        id = _nextCategoryId++;
        _categories[code] = id;
        CategoriesCreated++;
        if (Writing)
        {
            var category = new Category(code, code);
            _values.Set(category, nameof(Category.Id), id);
            await _bulk.InsertAsync([category], cancellationToken);
        }
        return id;
    }

    /// <summary>Adds a product (a new SKU in a products file, or a StockCode first seen in a retail orders file).</summary>
    public async Task<int> CreateProductAsync(Product product, CancellationToken cancellationToken)
    {
        var id = _nextProductId++;
        _products![product.Sku] = id;
        ProductsCreated++;
        if (Writing)
        {
            _values.Set(product, nameof(Product.Id), id);
            await _bulk.InsertAsync([product], cancellationToken);
        }
        return id;
    }

    /// <summary>The natural keys of <typeparamref name="T"/> already in the database (non-null ones).</summary>
    public async Task<HashSet<string>> ExistingKeysAsync<T>(string property, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var column = Column<T>(property);
        await ReadAllAsync($"SELECT {column} FROM {Table<T>()} WHERE {column} IS NOT NULL", r => keys.Add(r.GetString(0)), cancellationToken);
        return keys;
    }

    public async Task<long> NextIdAsync<T>(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COALESCE(MAX({Column<T>("Id")}), 0) + 1 FROM {Table<T>()}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> CountAsync<T>(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {Table<T>()}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the table of entity type <paramref name="entityType"/> holds any row.</summary>
    public async Task<bool> AnyRowsAsync(Type entityType, CancellationToken cancellationToken)
    {
        var entity = Context.Model.FindEntityType(entityType)!;
        await using var command = Command($"SELECT CASE WHEN EXISTS (SELECT 1 FROM {_sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())}) THEN 1 ELSE 0 END");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Sets <see cref="Customer.RescoreRequestedAt"/> for the customers whose data arrived, unless already set.</summary>
    public async Task MarkForRescoringAsync(CancellationToken cancellationToken)
    {
        if (TouchedCustomers.Count == 0 || !Writing)
            return;
        var entity = Context.Model.FindEntityType(typeof(Customer))!;
        var at = entity.FindProperty(nameof(Customer.RescoreRequestedAt))!;
        var idColumn = Column<Customer>(nameof(Customer.Id));
        var atColumn = Column<Customer>(nameof(Customer.RescoreRequestedAt));
        var names = Enumerable.Range(0, RescoreChunk).Select(i => _sql.GenerateParameterNamePlaceholder("c" + i));
        await using var command = Command(
            $"UPDATE {Table<Customer>()} SET {atColumn} = {_sql.GenerateParameterNamePlaceholder("at")} " +
            $"WHERE {atColumn} IS NULL AND {idColumn} IN ({string.Join(", ", names)})");
        command.Parameters.Add(((RelationalTypeMapping)at.GetTypeMapping()).CreateParameter(command, _sql.GenerateParameterName("at"), Now, true));
        for (var i = 0; i < RescoreChunk; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = _sql.GenerateParameterName("c" + i);
            p.Value = -1L;
            command.Parameters.Add(p);
        }
        command.Prepare();
        var ids = TouchedCustomers.ToArray();
        for (var start = 0; start < ids.Length; start += RescoreChunk)
        {
            for (var i = 0; i < RescoreChunk; i++)
                command.Parameters[i + 1].Value = start + i < ids.Length ? ids[start + i] : -1L; // -1 matches no customer
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public string Table<T>()
    {
        var entity = Context.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    public string Column<T>(string property)
    {
        var entity = Context.Model.FindEntityType(typeof(T))!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return _sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
    }

    public DbCommand Command(string text)
    {
        var command = Context.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = text;
        return command;
    }

    private async Task ReadAllAsync(string text, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = Command(text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            row(reader);
    }

    /// <summary>Checks a natural key's length against the column size.</summary>
    public static bool FitsExternalId(ReadOnlySpan<char> value) => value.Length <= ColumnSizes.ExternalId;

    public ValueTask DisposeAsync() => _bulk.DisposeAsync();
}

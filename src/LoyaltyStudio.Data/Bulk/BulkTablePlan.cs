using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LoyaltyStudio.Data.Bulk;

/// <summary>One column an entity writes to: how to read its value from the entity and how the store wants it.</summary>
internal sealed class BulkColumn(string name, Func<object, object?> read, RelationalTypeMapping mapping, bool nullable)
{
    private readonly ValueConverter? _converter = mapping.Converter;

    public string Name { get; } = name;
    public RelationalTypeMapping Mapping { get; } = mapping;
    public bool Nullable { get; } = nullable;

    /// <summary>The value as the provider stores it: model converters applied, enums as numbers, null as DBNull.</summary>
    public object ProviderValue(object entity)
    {
        var value = read(entity);
        if (value is not null && _converter is not null)
            value = _converter.ConvertToProvider(value);
        return value switch
        {
            null => DBNull.Value,
            Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}

/// <summary>
/// The columns of one entity type's table as the EF Core model maps them, flattened: the entity's own
/// properties plus owned types stored in the same table (table splitting) and complex properties.
/// </summary>
internal sealed class BulkTablePlan
{
    private BulkTablePlan(string table, StoreObjectIdentifier store, IReadOnlyList<BulkColumn> columns,
        IProperty? generatedKey, bool identityInsert)
    {
        Table = table;
        Store = store;
        Columns = columns;
        GeneratedKey = generatedKey;
        NeedsIdentityInsert = identityInsert;
    }

    /// <summary>Delimited, schema-qualified table name.</summary>
    public string Table { get; }
    public StoreObjectIdentifier Store { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>The key the store generates when no value is given (identity / autoincrement), if any.</summary>
    public IProperty? GeneratedKey { get; }

    /// <summary>SQL Server identity column written with explicit values: needs SET IDENTITY_INSERT.</summary>
    public bool NeedsIdentityInsert { get; }

    public static BulkTablePlan Create(DbContext context, Type clrType, bool includeGeneratedKey)
    {
        var entityType = context.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not an entity type of {context.GetType().Name}; it cannot be bulk-written.");
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table; it cannot be bulk-written.");
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();

        var primaryKey = entityType.FindPrimaryKey();
        var generatedKey = primaryKey is { Properties.Count: 1 } && primaryKey.Properties[0].ValueGenerated.HasFlag(ValueGenerated.OnAdd)
            ? primaryKey.Properties[0]
            : null;

        var columns = new List<BulkColumn>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in entityType.GetProperties())
        {
            if (property == generatedKey && !includeGeneratedKey)
                continue;
            AddProperty(columns, seen, property, store, static e => e, clrType);
        }
        AddComplexProperties(columns, seen, entityType, store, static e => e, clrType);
        AddOwned(columns, seen, entityType, store, static e => e, clrType);

        var identityInsert = includeGeneratedKey && generatedKey is not null && context.Database.IsSqlServer()
            && SqlServerPropertyExtensions.GetValueGenerationStrategy(generatedKey) == SqlServerValueGenerationStrategy.IdentityColumn;
        return new BulkTablePlan(sql.DelimitIdentifier(tableName, entityType.GetSchema()), store, columns,
            generatedKey, identityInsert);
    }

    private static void AddProperty(List<BulkColumn> columns, HashSet<string> seen, IProperty property,
        StoreObjectIdentifier store, Func<object, object?> container, Type rootType)
    {
        var column = property.GetColumnName(store);
        if (column is null || seen.Contains(column))
            return; // not in this table, or the same column as the owner's key (table splitting)
        if (property.ValueGenerated == ValueGenerated.OnAddOrUpdate || property.GetComputedColumnSql() is not null)
            return; // the store computes it
        if (property.IsShadowProperty())
        {
            if (property.IsNullable || property.GetDefaultValue() is not null || property.GetDefaultValueSql() is not null)
                return;
            throw new NotSupportedException(
                $"{rootType.Name}: column {column} comes from shadow property {property.Name}, which the bulk writer cannot read; " +
                "map it to a CLR property or give it a default.");
        }
        var getter = property.GetGetter();
        columns.Add(new BulkColumn(column, e => container(e) is { } c ? getter.GetClrValue(c) : null,
            (RelationalTypeMapping)property.GetTypeMapping(), property.IsColumnNullable(store)));
        seen.Add(column);
    }

    private static void AddComplexProperties(List<BulkColumn> columns, HashSet<string> seen, ITypeBase type,
        StoreObjectIdentifier store, Func<object, object?> container, Type rootType)
    {
        foreach (var complex in type.GetComplexProperties())
        {
            var getter = complex.GetGetter();
            Func<object, object?> inner = e => container(e) is { } c ? getter.GetClrValue(c) : null;
            foreach (var property in complex.ComplexType.GetProperties())
                AddProperty(columns, seen, property, store, inner, rootType);
            AddComplexProperties(columns, seen, complex.ComplexType, store, inner, rootType);
        }
    }

    private static void AddOwned(List<BulkColumn> columns, HashSet<string> seen, IEntityType owner,
        StoreObjectIdentifier store, Func<object, object?> container, Type rootType)
    {
        foreach (var navigation in owner.GetNavigations())
        {
            var owned = navigation.TargetEntityType;
            if (!navigation.ForeignKey.IsOwnership || navigation.IsOnDependent || navigation.IsCollection)
                continue;
            if (owned.GetTableName() != store.Name || owned.GetSchema() != store.Schema)
                throw new NotSupportedException(
                    $"{rootType.Name}: owned {owned.DisplayName()} lives in its own table; the bulk writer only flattens owned types stored in the owner's table.");
            var getter = navigation.GetGetter();
            Func<object, object?> inner = e => container(e) is { } c ? getter.GetClrValue(c) : null;
            foreach (var property in owned.GetProperties())
            {
                if (property.IsPrimaryKey())
                    continue; // shares the owner's key column
                AddProperty(columns, seen, property, store, inner, rootType);
            }
            AddOwned(columns, seen, owned, store, inner, rootType);
        }
    }
}

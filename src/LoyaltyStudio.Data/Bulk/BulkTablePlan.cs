using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LoyaltyStudio.Data.Bulk;

/// <summary>One column an entity writes to: how to read its value from the entity and how the store wants it.</summary>
internal sealed class BulkColumn(string name, Func<object, object> read, RelationalTypeMapping mapping, bool nullable)
{
    public string Name { get; } = name;
    public RelationalTypeMapping Mapping { get; } = mapping;
    public bool Nullable { get; } = nullable;

    /// <summary>The value as the provider stores it: model converters applied, enums as numbers, null as DBNull.</summary>
    public object ProviderValue(object entity) => read(entity);
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
        BindsByPosition = columns.All(c => SqliteInsertStatement.CanBind(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType));
    }

    /// <summary>Delimited, schema-qualified table name.</summary>
    public string Table { get; }
    public StoreObjectIdentifier Store { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>The key the store generates when no value is given (identity / autoincrement), if any.</summary>
    public IProperty? GeneratedKey { get; }

    /// <summary>SQL Server identity column written with explicit values: needs SET IDENTITY_INSERT.</summary>
    public bool NeedsIdentityInsert { get; }

    /// <summary>Every column's provider value can go through <see cref="SqliteInsertStatement"/> (SQLite's fast path).</summary>
    public bool BindsByPosition { get; }

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
            AddProperty(columns, seen, property, store, [], clrType);
        }
        AddComplexProperties(columns, seen, entityType, store, [], clrType);
        AddOwned(columns, seen, entityType, store, [], clrType);

        var identityInsert = includeGeneratedKey && generatedKey is not null && context.Database.IsSqlServer()
            && SqlServerPropertyExtensions.GetValueGenerationStrategy(generatedKey) == SqlServerValueGenerationStrategy.IdentityColumn;
        return new BulkTablePlan(sql.DelimitIdentifier(tableName, entityType.GetSchema()), store, columns,
            generatedKey, identityInsert);
    }

    private static void AddProperty(List<BulkColumn> columns, HashSet<string> seen, IProperty property,
        StoreObjectIdentifier store, IReadOnlyList<IPropertyBase> container, Type rootType)
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
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        columns.Add(new BulkColumn(column, ColumnReader.Compile(rootType, container, property, mapping.Converter),
            mapping, property.IsColumnNullable(store)));
        seen.Add(column);
    }

    private static void AddComplexProperties(List<BulkColumn> columns, HashSet<string> seen, ITypeBase type,
        StoreObjectIdentifier store, IReadOnlyList<IPropertyBase> container, Type rootType)
    {
        foreach (var complex in type.GetComplexProperties())
        {
            IPropertyBase[] inner = [.. container, complex];
            foreach (var property in complex.ComplexType.GetProperties())
                AddProperty(columns, seen, property, store, inner, rootType);
            AddComplexProperties(columns, seen, complex.ComplexType, store, inner, rootType);
        }
    }

    private static void AddOwned(List<BulkColumn> columns, HashSet<string> seen, IEntityType owner,
        StoreObjectIdentifier store, IReadOnlyList<IPropertyBase> container, Type rootType)
    {
        foreach (var navigation in owner.GetNavigations())
        {
            var owned = navigation.TargetEntityType;
            if (!navigation.ForeignKey.IsOwnership || navigation.IsOnDependent || navigation.IsCollection)
                continue;
            if (owned.GetTableName() != store.Name || owned.GetSchema() != store.Schema)
                throw new NotSupportedException(
                    $"{rootType.Name}: owned {owned.DisplayName()} lives in its own table; the bulk writer only flattens owned types stored in the owner's table.");
            IPropertyBase[] inner = [.. container, navigation];
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

/// <summary>
/// Compiles, once per column, a reader from the root entity to the value the provider stores: the member EF Core
/// reads (backing field first, as EF's default access mode does), the model's converter inlined, enums as their
/// underlying number, null (or a missing owned/complex container) as DBNull. No per-value delegate chains or
/// reflection, which were most of the writer's CPU time.
/// </summary>
internal static class ColumnReader
{
    private static readonly Expression DbNull = Expression.Constant(DBNull.Value, typeof(object));

    public static Func<object, object> Compile(Type rootType, IReadOnlyList<IPropertyBase> path, IProperty property,
        ValueConverter? converter)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var body = Read(Expression.Convert(entity, rootType), path, 0, property, converter);
        return Expression.Lambda<Func<object, object>>(body, entity).Compile();
    }

    private static Expression Read(Expression instance, IReadOnlyList<IPropertyBase> path, int depth, IProperty property,
        ValueConverter? converter)
    {
        if (depth == path.Count)
            return IfPresent(Member(instance, property), value => Provider(value, converter));
        return IfPresent(Member(instance, path[depth]), inner => Read(inner, path, depth + 1, property, converter));
    }

    /// <summary>DBNull when <paramref name="value"/> is null, otherwise <paramref name="then"/> of its non-null value.</summary>
    private static Expression IfPresent(Expression value, Func<Expression, Expression> then)
    {
        var type = value.Type;
        if (type.IsValueType && System.Nullable.GetUnderlyingType(type) is null)
            return then(value);
        var local = Expression.Variable(type, "v");
        Expression present = System.Nullable.GetUnderlyingType(type) is not null
            ? Expression.Property(local, nameof(Nullable<int>.HasValue))
            : Expression.ReferenceNotEqual(local, Expression.Constant(null, type));
        var inner = System.Nullable.GetUnderlyingType(type) is not null
            ? Expression.Property(local, nameof(Nullable<int>.Value))
            : (Expression)local;
        return Expression.Block(typeof(object), [local],
            Expression.Assign(local, value),
            Expression.Condition(present, then(inner), DbNull, typeof(object)));
    }

    private static Expression Member(Expression instance, IPropertyBase property)
    {
        if (property.FieldInfo is { } field && field.DeclaringType!.IsAssignableFrom(instance.Type))
            return Expression.Field(field.IsStatic ? null : instance, field);
        if (property.PropertyInfo is { GetMethod: not null } info && info.DeclaringType!.IsAssignableFrom(instance.Type))
            return Expression.Property(instance, info);
        // Indexer or shadow-like access: fall back to EF's own getter.
        var getter = property.GetGetter();
        Func<object, object?> read = getter.GetClrValue;
        return Expression.Convert(
            Expression.Invoke(Expression.Constant(read), Expression.Convert(instance, typeof(object))), property.ClrType);
    }

    private static Expression Provider(Expression value, ValueConverter? converter)
    {
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var parameter = convert.Parameters[0].Type;
            value = Expression.Invoke(convert, value.Type == parameter ? value : Expression.Convert(value, parameter));
        }
        var type = System.Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            value = Expression.Convert(value, value.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying));
        }
        var boxed = Expression.Convert(value, typeof(object));
        return value.Type.IsValueType && System.Nullable.GetUnderlyingType(value.Type) is null
            ? boxed
            : Expression.Coalesce(boxed, DbNull);
    }
}

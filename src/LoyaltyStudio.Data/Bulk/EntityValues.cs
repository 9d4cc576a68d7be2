using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LoyaltyStudio.Data.Bulk;

/// <summary>
/// Sets values EF Core would normally set (generated keys, foreign keys filled by relationship fix-up) on
/// entities that are written by <see cref="BulkWriter"/> instead, through the member the model maps.
/// </summary>
public sealed class EntityValues(IModel model)
{
    private readonly ConcurrentDictionary<(Type, string), Action<object, object?>> _setters = new();

    public EntityValues(DbContext context) : this((context ?? throw new ArgumentNullException(nameof(context))).Model) { }

    /// <summary>Sets the mapped property <paramref name="propertyName"/> of <paramref name="entity"/>.</summary>
    public void Set<T>(T entity, string propertyName, object? value) where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        _setters.GetOrAdd((typeof(T), propertyName), key => Compile(key.Item1, key.Item2))(entity, value);
    }

    private Action<object, object?> Compile(Type type, string propertyName)
    {
        var property = model.FindEntityType(type)?.FindProperty(propertyName)
            ?? throw new InvalidOperationException($"{type.Name} has no mapped property {propertyName}.");
        var target = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Convert(target, type);
        Expression member = property.FieldInfo is { } field
            ? Expression.Field(typed, field)
            : property.PropertyInfo is { SetMethod: not null } prop
                ? Expression.Property(typed, prop)
                : throw new InvalidOperationException($"{type.Name}.{propertyName} has no field or setter to write to.");
        var assign = Expression.Assign(member, Expression.Convert(value, member.Type));
        return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Common;

public class EncapsulationTests
{
    private static readonly Assembly Domain = typeof(DomainException).Assembly;

    [Fact]
    public void No_domain_type_has_a_public_setter_so_state_changes_only_through_its_rules()
    {
        var writable = Domain.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.True(writable.Count == 0, "Public setters: " + string.Join(", ", writable));
    }

    [Fact]
    public void Every_lifecycle_table_is_read_only_to_callers()
    {
        var tables = Domain.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(TransitionTable<>))
            .ToList();

        Assert.Equal(4, tables.Count);
        Assert.All(tables, f => Assert.True(f.IsInitOnly, $"{f.DeclaringType!.Name}.{f.Name} must be readonly."));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}

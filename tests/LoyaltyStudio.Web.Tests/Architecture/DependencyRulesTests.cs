using System.Reflection;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Intelligence;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace LoyaltyStudio.Web.Tests.Architecture;

/// <summary>Pins the "Projects" table and the thin-page rule of ARCHITECTURE.md on the compiled assemblies.</summary>
public class DependencyRulesTests
{
    private static readonly Assembly Domain = typeof(DomainException).Assembly;
    private static readonly Assembly Data = typeof(LoyaltyDbContext).Assembly;
    private static readonly Assembly Intelligence = typeof(IntelligenceAssembly).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private const string DataNamespace = "LoyaltyStudio.Data";
    private const string IntelligenceNamespace = "LoyaltyStudio.Intelligence";
    private const string WebNamespace = "LoyaltyStudio.Web";
    private const string CliNamespace = "LoyaltyStudio.Cli";

    private static readonly string[] PageNamespaces = ["LoyaltyStudio.Web.Features", "LoyaltyStudio.Web.Components"];

    [Fact]
    public void Domain_depends_on_no_other_LoyaltyStudio_project()
    {
        AssertNoTypeDependsOn(Domain, "Domain must depend on no other LoyaltyStudio project",
            DataNamespace, IntelligenceNamespace, WebNamespace, CliNamespace);
        AssertNoAssemblyReference(Domain, "LoyaltyStudio", "loyalty");
    }

    [Fact]
    public void Domain_depends_on_no_EF_Core_ASP_NET_Core_or_ML_NET()
    {
        AssertNoTypeDependsOn(Domain, "Domain must not depend on EF Core, ASP.NET Core or ML.NET",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.ML");
        AssertNoAssemblyReference(Domain, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.ML");
    }

    [Fact]
    public void Data_depends_on_Domain_only_not_on_Intelligence_Web_or_Cli()
    {
        AssertNoTypeDependsOn(Data, "Data may depend on Domain only", IntelligenceNamespace, WebNamespace, CliNamespace);
        AssertNoAssemblyReference(Data, "LoyaltyStudio.Intelligence", "LoyaltyStudio.Web", "loyalty");
    }

    [Fact]
    public void Intelligence_does_not_depend_on_Web_or_Cli()
    {
        AssertNoTypeDependsOn(Intelligence, "Intelligence may depend on Domain and Data only", WebNamespace, CliNamespace);
        AssertNoAssemblyReference(Intelligence, "LoyaltyStudio.Web", "loyalty");
    }

    [Fact]
    public void Cli_does_not_depend_on_Web()
    {
        // The Cli assembly is not referenced by this test project, so the rule is checked where it is decided: its project file.
        var references = ProjectFiles.References("LoyaltyStudio.Cli");

        Assert.True(!references.Any(r => r.Contains("LoyaltyStudio.Web", StringComparison.OrdinalIgnoreCase)),
            "LoyaltyStudio.Cli must not reference LoyaltyStudio.Web; it references: " + string.Join(", ", references));
    }

    [Fact]
    public void Project_references_follow_the_projects_table()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["LoyaltyStudio.Domain"] = [],
            ["LoyaltyStudio.Data"] = ["LoyaltyStudio.Domain"],
            ["LoyaltyStudio.Intelligence"] = ["LoyaltyStudio.Domain", "LoyaltyStudio.Data"],
            ["LoyaltyStudio.Web"] = ["LoyaltyStudio.Domain", "LoyaltyStudio.Data", "LoyaltyStudio.Intelligence"],
            ["LoyaltyStudio.Cli"] = ["LoyaltyStudio.Domain", "LoyaltyStudio.Data", "LoyaltyStudio.Intelligence"],
        };

        var offending = allowed
            .SelectMany(p => ProjectFiles.References(p.Key)
                .Where(r => r.StartsWith("LoyaltyStudio.", StringComparison.Ordinal) && !p.Value.Contains(r))
                .Select(r => $"{p.Key} → {r}"))
            .ToList();

        Assert.True(offending.Count == 0, "Project references not allowed by ARCHITECTURE.md: " + string.Join(", ", offending));
    }

    [Fact]
    public void Pages_and_components_do_not_depend_on_the_DbContext()
    {
        var result = PagesAndComponents()
            .ShouldNot().HaveDependencyOn(typeof(LoyaltyDbContext).FullName!)
            .GetResult();

        Assert.True(result.IsSuccessful,
            "No DbContext in a .razor page: ask an application service for a view model instead. Offending components: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Pages_and_components_do_not_query_with_EF_Core_directly()
    {
        var result = PagesAndComponents()
            .ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful,
            "Pages stay thin: EF Core queries belong in a feature's query service. Offending components: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Component_rule_covers_every_component_in_the_page_namespaces()
    {
        // Guards the rules above against passing vacuously, e.g. if base types could not be resolved.
        var expected = Web.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && PageNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
            .Select(t => t.FullName!)
            .Order()
            .ToList();

        var selected = PagesAndComponents().GetTypes().Select(t => t.FullName!).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, selected);
    }

    [Fact]
    public void Dependency_check_recognises_a_real_use_of_the_DbContext()
    {
        // Proves the type name used above is the one NetArchTest sees, so the page rule can fail.
        var users = Types.InAssembly(Data).That().HaveDependencyOn(typeof(LoyaltyDbContext).FullName!).GetTypes();

        Assert.Contains(users, t => t != typeof(LoyaltyDbContext));
    }

    private static PredicateList PagesAndComponents() =>
        Types.InAssembly(Web)
            .That().Inherit(typeof(ComponentBase))
            .And().ResideInNamespaceStartingWith(PageNamespaces[0])
            .Or().Inherit(typeof(ComponentBase))
            .And().ResideInNamespaceStartingWith(PageNamespaces[1]);

    private static void AssertNoTypeDependsOn(Assembly assembly, string rule, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{rule}; these types in {assembly.GetName().Name} depend on {string.Join(" / ", forbidden)}: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>Forbids referenced assemblies named <c>X</c> or <c>X.*</c> for each given X ("loyalty" is the Cli's assembly name).</summary>
    private static void AssertNoAssemblyReference(Assembly assembly, params string[] forbidden)
    {
        var offending = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => forbidden.Any(f => n.Equals(f, StringComparison.OrdinalIgnoreCase)
                || n.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(offending.Count == 0,
            $"{assembly.GetName().Name} must not reference {string.Join(", ", offending)}.");
    }
}

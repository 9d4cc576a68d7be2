using LoyaltyStudio.Web.Identity;
using MudBlazor;

namespace LoyaltyStudio.Web.Components.Layout;

/// <summary>One entry of the navigation drawer: an area, its route and the policy that guards it.</summary>
public sealed record NavigationArea(string Title, string Href, string Icon, string Policy);

/// <summary>The areas of ARCHITECTURE.md in menu order; each is shown only to users its policy admits.</summary>
public static class NavigationAreas
{
    public static IReadOnlyList<NavigationArea> All { get; } =
    [
        new("Segments", "segments", Icons.Material.Filled.BubbleChart, AreaPolicies.Segments),
        new("Churn risk", "churn", Icons.Material.Filled.TrendingDown, AreaPolicies.Churn),
        new("Campaigns", "campaigns", Icons.Material.Filled.Campaign, AreaPolicies.Campaigns),
        new("Offers", "offers", Icons.Material.Filled.LocalOffer, AreaPolicies.Offers),
        new("Retention", "retention", Icons.Material.Filled.Insights, AreaPolicies.Retention),
        new("Customers", "customers", Icons.Material.Filled.People, AreaPolicies.Customers),
        new("Privacy", "privacy", Icons.Material.Filled.PrivacyTip, AreaPolicies.Privacy),
        new("Admin", "admin", Icons.Material.Filled.AdminPanelSettings, AreaPolicies.Admin),
    ];
}

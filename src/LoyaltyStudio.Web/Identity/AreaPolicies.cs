using LoyaltyStudio.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace LoyaltyStudio.Web.Identity;

/// <summary>
/// The one place that says which role may do what (ARCHITECTURE.md, "Who sees what"). Pages, menus and the
/// HTTP API all refer to these policy names, so the server enforces exactly what the menu shows.
/// </summary>
public static class AreaPolicies
{
    // One policy per area: who may open the area at all.
    public const string Segments = "Area.Segments";
    public const string Churn = "Area.Churn";
    public const string Campaigns = "Area.Campaigns";
    public const string Offers = "Area.Offers";
    public const string Retention = "Area.Retention";
    public const string Customers = "Area.Customers";
    public const string Privacy = "Area.Privacy";
    public const string Admin = "Area.Admin";

    // Finer rights inside an area; "read" in the table means the area policy without the edit policy.
    public const string SegmentsEdit = "Segments.Edit";
    public const string ChurnEdit = "Churn.Edit";
    public const string CampaignsDesign = "Campaigns.Design";
    public const string CampaignsApprove = "Campaigns.Approve";
    public const string OffersApprove = "Offers.Approve";

    /// <summary>May see customers' names, e-mail and phone in full; everyone else in the Customers area sees them masked.</summary>
    public const string CustomersUnmasked = "Customers.Unmasked";

    /// <summary>Roles per policy, exactly as the table in ARCHITECTURE.md.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Segments] = [Roles.Admin, Roles.Marketer, Roles.Manager],
        [Churn] = [Roles.Admin, Roles.Marketer, Roles.Manager],
        [Campaigns] = [Roles.Admin, Roles.Marketer, Roles.Manager],
        [Offers] = [Roles.Admin, Roles.Marketer, Roles.Manager],
        [Retention] = [Roles.Admin, Roles.Marketer, Roles.Manager],
        [Customers] = [Roles.Admin, Roles.Marketer, Roles.Manager, Roles.Support],
        [Privacy] = [Roles.Admin],
        [Admin] = [Roles.Admin],
        [SegmentsEdit] = [Roles.Admin, Roles.Marketer],
        [ChurnEdit] = [Roles.Admin, Roles.Marketer],
        [CampaignsDesign] = [Roles.Admin, Roles.Marketer],
        [CampaignsApprove] = [Roles.Admin, Roles.Manager],
        [OffersApprove] = [Roles.Admin, Roles.Marketer],
        [CustomersUnmasked] = [Roles.Admin, Roles.Support],
    };

    /// <summary>
    /// Registers every policy, and makes signing in the fallback: an endpoint without its own rule
    /// (every page) requires an authenticated user; sign-in, health and static files opt out explicitly.
    /// </summary>
    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (policy, roles) in RolesByPolicy)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Data.Simulation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Identity;

/// <summary>
/// Makes sure the four staff roles exist and, in demo mode only, one demo user per role
/// (<c>admin@demo.local</c> …) with the password from <c>Demo:Password</c>. Safe to run at every start.
/// </summary>
public sealed class StaffAccounts(
    RoleManager<IdentityRole> roleManager,
    UserManager<LoyaltyUser> userManager,
    IOptions<DemoOptions> demo,
    ILogger<StaffAccounts> logger)
{
    public const string DemoDomain = "demo.local";

    /// <summary>The e-mail of the demo user for <paramref name="role"/>, e.g. <c>marketer@demo.local</c>.</summary>
    public static string DemoEmail(string role) => $"{role.ToLowerInvariant()}@{DemoDomain}";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roleManager.RoleExistsAsync(role))
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"creating role {role}");
        }

        if (!demo.Value.Enabled)
            return;

        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var email = DemoEmail(role);
            var user = await userManager.FindByEmailAsync(email);
            if (user is null)
            {
                user = new LoyaltyUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = $"Demo {role}",
                };
                var created = await userManager.CreateAsync(user, demo.Value.Password);
                if (!created.Succeeded)
                    throw new DatabaseStartupException(
                        $"Setting Demo:Password is not accepted for the demo user {email}: " +
                        string.Join(" ", created.Errors.Select(e => e.Description)));
                logger.LogInformation("Created demo user {Email} with role {Role}", email, role);
            }
            if (!await userManager.IsInRoleAsync(user, role))
                Check(await userManager.AddToRoleAsync(user, role), $"adding {email} to role {role}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new DatabaseStartupException(
                $"Failed {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

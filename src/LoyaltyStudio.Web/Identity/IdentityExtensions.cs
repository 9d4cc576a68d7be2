using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace LoyaltyStudio.Web.Identity;

/// <summary>Registers ASP.NET Core Identity (cookie sign-in, roles, lockout) and the role policies.</summary>
public static class IdentityExtensions
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedAccessAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddLoyaltyIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "LoyaltyStudio.Auth";
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorization(AreaPolicies.Register);

        services.AddIdentityCore<LoyaltyUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LoyaltyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddScoped<StaffAccounts>();
        services.AddScoped<IUserThemePreferences, UserThemePreferences>();
        return services;
    }

    /// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign a user out.</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<LoyaltyUser> signIn) =>
        {
            // The antiforgery middleware only records the verdict; an endpoint without form binding must act on it.
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SignInPath);
        }).DisableAntiforgery();
        return endpoints;
    }
}

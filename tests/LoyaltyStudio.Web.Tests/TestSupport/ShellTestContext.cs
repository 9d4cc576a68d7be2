using Bunit;
using LoyaltyStudio.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LoyaltyStudio.Web.Tests.TestSupport;

/// <summary>
/// bunit context for the shell: MudBlazor services, a signed-in user with the given roles, and the app's
/// REAL authorization policies (not bunit's policy list), so a menu test checks the same rules the server uses.
/// </summary>
public class ShellTestContext : BunitContext, IAsyncLifetime
{
    // MudBlazor's services are async-disposable only; xunit 2 would dispose the context synchronously.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public ShellTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();
        Services.AddSingleton<IUserThemePreferences>(ThemePreferences);
    }

    public RecordingThemePreferences ThemePreferences { get; } = new();

    public void SignInAs(string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, $"id-{userName}"));
        UseRealPolicies();
    }

    private void UseRealPolicies()
    {
        Services.AddOptions<AuthorizationOptions>().Configure(AreaPolicies.Register);
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>();
        Services.AddSingleton<IAuthorizationHandler, PassThroughAuthorizationHandler>();
        Services.AddSingleton<IAuthorizationEvaluator, DefaultAuthorizationEvaluator>();
        Services.AddSingleton<IAuthorizationHandlerContextFactory, DefaultAuthorizationHandlerContextFactory>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}

/// <summary>Remembers what the layout asked to save, and answers a preset preference.</summary>
public sealed class RecordingThemePreferences : IUserThemePreferences
{
    public bool StoredDarkMode { get; set; }
    public List<(string UserId, bool DarkMode)> Saved { get; } = [];

    public Task<bool> PrefersDarkModeAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(StoredDarkMode);

    public Task SaveDarkModeAsync(string userId, bool darkMode, CancellationToken cancellationToken = default)
    {
        Saved.Add((userId, darkMode));
        StoredDarkMode = darkMode;
        return Task.CompletedTask;
    }
}

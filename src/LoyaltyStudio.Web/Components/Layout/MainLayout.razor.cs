using System.Security.Claims;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LoyaltyStudio.Web.Components.Layout;

/// <summary>The app shell: app bar (brand, user, theme toggle, sign out), role-aware drawer, guarded body.</summary>
public partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _darkMode;
    private string? _userId;
    private FriendlyErrorBoundary? _errorBoundary;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IUserThemePreferences ThemePreferences { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is null)
            return;
        var user = (await AuthenticationState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (_userId is not null)
            _darkMode = await ThemePreferences.PrefersDarkModeAsync(_userId);
    }

    // A new page clears a previous page's error, so one broken page does not hide the next.
    protected override void OnParametersSet() => _errorBoundary?.Recover();

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        _darkMode = !_darkMode;
        if (_userId is not null)
            await ThemePreferences.SaveDarkModeAsync(_userId, _darkMode);
    }

    internal static string DisplayName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? "Signed in";

    internal static string RoleNames(ClaimsPrincipal user)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return roles.Count == 0 ? "No role" : string.Join(", ", roles);
    }
}

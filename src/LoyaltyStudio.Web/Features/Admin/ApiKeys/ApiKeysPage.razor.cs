using System.Globalization;
using LoyaltyStudio.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LoyaltyStudio.Web.Features.Admin.ApiKeys;

/// <summary>Admins list, create and revoke API keys; a new key's secret is shown once, in a dialog.</summary>
public partial class ApiKeysPage
{
    [Inject]
    private IApiKeyService Keys { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<ApiKeyRow>? _keys;
    private string? _name;
    private string? _error;
    private bool _busy;

    protected override async Task OnInitializedAsync() => _keys = await Keys.ListAsync();

    private async Task CreateAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            var created = await Keys.CreateAsync(_name ?? "", await UserNameAsync());
            _name = null;
            _keys = await Keys.ListAsync();
            var parameters = new DialogParameters<NewApiKeyDialog> { { d => d.Key, created } };
            // Not awaited until closed: the page has nothing to do after the dialog, and the secret lives only in it.
            await Dialogs.ShowAsync<NewApiKeyDialog>($"API key for {created.Name}", parameters,
                new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiKeyRow key)
    {
        _error = null;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke API key?",
            $"Requests with the key '{key.Name}' ({key.Prefix}…) will be refused from now on. This cannot be undone.",
            yesText: "Revoke", cancelText: "Keep it");
        if (confirmed != true)
            return;
        _busy = true;
        try
        {
            await Keys.RevokeAsync(key.Id, await UserNameAsync());
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
        _keys = await Keys.ListAsync();
    }

    private async Task<string> UserNameAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Web.Features.Admin.ApiKeys;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LoyaltyStudio.Web.Tests.Features.Admin.ApiKeys;

public sealed class ApiKeysPageTests : ShellTestContext
{
    private async Task<(ApiKeyService Service, TempSqliteDatabase Db)> ServiceAsync()
    {
        var db = await TempSqliteDatabase.CreateMigratedAsync();
        var service = new ApiKeyService(db.Factory, TimeProvider.System);
        Services.AddSingleton<IApiKeyService>(service);
        SignInAs("admin@demo.local", Roles.Admin);
        return (service, db);
    }

    [Fact]
    public async Task New_key_secret_is_shown_once_in_a_dialog_and_afterwards_only_its_prefix()
    {
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();

        page.Find("#api-key-name").Input("Web shop");
        await page.Find("form.ls-new-api-key").SubmitAsync();

        var secretField = dialogs.WaitForElement("#new-api-key-secret");
        var secret = secretField.GetAttribute("value") ?? "";
        Assert.Equal(43, secret.Length);
        Assert.Contains("not shown again", dialogs.Find(".ls-secret-warning").TextContent);
        var listed = Assert.Single(await service.ListAsync());
        Assert.Equal(secret[..8], listed.Prefix);
        Assert.Equal("admin@demo.local", listed.CreatedBy);

        await dialogs.Find(".ls-close-api-key").ClickAsync();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#new-api-key-secret")));
        page.WaitForAssertion(() => Assert.Equal($"{listed.Prefix}…", page.Find(".ls-api-key-prefix").TextContent));
        Assert.DoesNotContain(secret, page.Markup);
        Assert.DoesNotContain(secret, dialogs.Markup);
    }

    [Fact]
    public async Task Copy_button_puts_the_secret_on_the_clipboard()
    {
        var (_, db) = await ServiceAsync();
        await using var _ = db;
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();
        page.Find("#api-key-name").Input("Tills");
        await page.Find("form.ls-new-api-key").SubmitAsync();
        var secret = dialogs.WaitForElement("#new-api-key-secret").GetAttribute("value");

        await dialogs.Find(".ls-copy-api-key").ClickAsync();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(secret, call.Arguments[0]);
    }

    [Fact]
    public async Task Revoke_asks_first_and_then_shows_the_key_as_revoked()
    {
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var key = await service.CreateAsync("Old till", "admin@demo.local");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();

        // The page waits for the answer to its question, so the click completes only after the confirmation.
        var revoking = page.WaitForElement(".ls-revoke-api-key").ClickAsync();
        var confirm = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("cannot be undone", confirm.TextContent);
        await dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Revoke").ClickAsync();
        await revoking;

        page.WaitForAssertion(() => Assert.Contains("Revoked", page.Find($"tr[data-key-id='{key.Id}']").TextContent));
        Assert.False(Assert.Single(await service.ListAsync()).IsActive);
        Assert.Empty(page.FindAll(".ls-revoke-api-key"));
    }

    [Fact]
    public async Task Key_without_a_name_shows_why_and_creates_nothing()
    {
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var page = Render<ApiKeysPage>();

        await page.Find("form.ls-new-api-key").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("needs a name", page.Find(".ls-api-key-error").TextContent));
        Assert.Empty(await service.ListAsync());
    }
}

using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Web.Api;
using LoyaltyStudio.Web.Components;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using LoyaltyStudio.Web.Features.Segments.Explorer;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Features.Home;
using LoyaltyStudio.Web.Health;
using LoyaltyStudio.Web.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace LoyaltyStudio.Web.Extensions;

/// <summary>Registers and wires the web app: Blazor, MudBlazor, identity, feature services, health, logging.</summary>
public static class WebAppExtensions
{
    public const string NotFoundPath = "/not-found";

    /// <summary>Setting for the culture of numbers, dates and money on every page (default <c>en-US</c>).</summary>
    public const string CultureSetting = "Display:Culture";

    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStructuredLogging();

        // Demo:* is bound by the data layer; the web app adds the rule that matters for its demo users.
        builder.Services.AddOptions<DemoOptions>()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Password),
                "Setting Demo:Password must not be empty when Demo:Enabled is true.")
            .ValidateOnStart();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLoyaltyIdentity();
        builder.AddIngestionApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddScoped<IHomeDashboardService, HomeDashboardService>();
        builder.Services.AddScoped<ICustomerLookupService, CustomerLookupService>();
        builder.Services.AddScoped<Features.Admin.Import.IImportPageService, Features.Admin.Import.ImportPageService>();
        builder.Services.AddCustomerScoring(builder.Configuration);
        builder.Services.AddSavedAudiences();
        builder.Services.AddSegmentExplorer();
        builder.Services.AddAudienceWorkspace();
        builder.Services.AddChurnWorkspace();
        return builder;
    }

    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStructuredRequestLogging();
        // One culture for everyone: a server without a locale would otherwise show money as "¤1,234".
        var culture = app.Configuration[CultureSetting] is { Length: > 0 } configured ? configured : "en-US";
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture(culture).AddSupportedCultures(culture).AddSupportedUICultures(culture));
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapIngestionApi();

        app.MapStaticAssets().AllowAnonymous();
        app.MapLoyaltyHealth();
        app.MapSignOut();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

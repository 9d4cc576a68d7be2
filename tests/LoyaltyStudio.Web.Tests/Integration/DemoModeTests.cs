using System.Globalization;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Tests.Integration;

/// <summary>
/// <c>Demo:Enabled</c> is on for the default run (<c>dotnet run</c> uses the Development environment) and off in every
/// other environment unless set: these hosts leave the setting alone and read the app's own appsettings files.
/// </summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Outside_development_no_demo_users_or_demo_data_are_created_unless_demo_is_set()
    {
        await using var app = new HostInEnvironment("Production");
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var signIn = await SignInForm.PostAsync(browser, "admin@demo.local", LoyaltyWebFactory.DemoPassword);
        var page = await signIn.Content.ReadAsStringAsync();

        Assert.False(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled);
        Assert.Equal("E-mail or password is wrong.", SignInForm.Message(page));
        Assert.DoesNotContain("marketer@demo.local", await browser.GetStringAsync("/account/sign-in"));
        await using var db = app.Services.GetRequiredService<LoyaltyDbContextFactory>().CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task The_default_development_run_creates_the_demo_users_and_seeds_the_demo_data()
    {
        await using var app = new HostInEnvironment("Development", demoCustomers: 25);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await SignInForm.SignInAsync(browser, "marketer@demo.local", LoyaltyWebFactory.DemoPassword);

        Assert.True(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled);
        await using var db = app.Services.GetRequiredService<LoyaltyDbContextFactory>().CreateDbContext();
        Assert.Equal(25, await db.Customers.CountAsync());
        Assert.Equal(
            Roles.All.Select(r => $"{r.ToLowerInvariant()}@demo.local").Order(),
            (await db.Users.Select(u => u.Email!).ToListAsync()).Order());
    }

    /// <summary>The app in the given environment on its own data folder, with Demo:Enabled taken from its appsettings files.</summary>
    private sealed class HostInEnvironment(string environment, int? demoCustomers = null) : WebApplicationFactory<Program>
    {
        private readonly string _dataFolder = TempFolder.Create("demo-" + environment.ToLowerInvariant());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", _dataFolder);
            builder.UseSetting("Scoring:Enabled", "false");
            if (demoCustomers is { } customers)
                builder.UseSetting("Demo:Customers", customers.ToString(CultureInfo.InvariantCulture));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolder.Delete(_dataFolder);
        }
    }
}

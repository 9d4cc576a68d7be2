using LoyaltyStudio.Data.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Data.Tests.Startup;

public class DataRegistrationTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void An_unknown_provider_in_configuration_is_refused_naming_Database_Provider()
    {
        var builder = Builder(new() { ["Database:Provider"] = "Postgres" });

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddLoyaltyData());

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_choose_the_provider_and_bind_the_demo_options()
    {
        var builder = Builder(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Loyalty"] = "Server=db.internal;Database=Loyalty;Integrated Security=true",
            ["Demo:Enabled"] = "true",
            ["Demo:Customers"] = "250",
        });

        builder.AddLoyaltyData();
        using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        Assert.Equal(DatabaseProvider.SqlServer, services.GetRequiredService<LoyaltyDbContextFactory>().Provider);
        using var context = services.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>().CreateDbContext();
        Assert.IsType<SqlServerLoyaltyDbContext>(context);
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        Assert.True(demo.Enabled);
        Assert.Equal(250, demo.Customers);
        Assert.IsType<DatabaseInitializer>(services.GetRequiredService<IDatabaseInitializer>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Demo_with_no_customers_is_refused_naming_the_setting()
    {
        var builder = Builder(new() { ["Demo:Enabled"] = "true", ["Demo:Customers"] = "0" });
        builder.AddLoyaltyData();
        using var services = builder.Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DemoOptions>>().Value);

        Assert.Contains("Demo:Customers", ex.Message, StringComparison.Ordinal);
    }
}

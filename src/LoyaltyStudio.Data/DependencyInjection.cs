using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using LoyaltyStudio.Data.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LoyaltyStudio.Data;

/// <summary>Registers the data layer for the web app and the <c>loyalty</c> command alike.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Reads <c>Database:*</c> and <c>ConnectionStrings:Loyalty</c>, and registers
    /// <see cref="IDbContextFactory{LoyaltyDbContext}"/> plus a scoped <see cref="LoyaltyDbContext"/>,
    /// <see cref="DemoOptions"/> and the <see cref="IDatabaseInitializer"/> to run at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltyData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Enum.TryParse<DatabaseProvider>(o.Provider, true, out var p) && Enum.IsDefined(p),
                "Setting Database:Provider must be 'Sqlite' or 'SqlServer'.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var (provider, connectionString) = LoyaltyDbContextFactory.Resolve(
            options, builder.Configuration.GetConnectionString("Loyalty"), builder.Environment.ContentRootPath);
        var factory = new LoyaltyDbContextFactory(provider, connectionString);

        builder.Services.AddSingleton(factory);
        builder.Services.AddSingleton<IDbContextFactory<LoyaltyDbContext>>(factory);
        builder.Services.AddScoped(_ => factory.CreateDbContext());

        builder.Services.AddOptions<DemoOptions>()
            .Bind(builder.Configuration.GetSection(DemoOptions.Section))
            .Validate(o => !o.Enabled || o.Customers >= 1, "Setting Demo:Customers must be at least 1 when Demo:Enabled is true.")
            .Validate(o => !o.Enabled || o.Months is >= 1 and <= 120, "Setting Demo:Months must be between 1 and 120 when Demo:Enabled is true.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IDatabaseInitializer, DatabaseInitializer>();
        builder.Services.AddDemoDataGenerator();
        return builder;
    }
}

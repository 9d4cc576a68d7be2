using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LoyaltyStudio.Cli;

/// <summary>
/// Builds the services a command needs from settings read the ASP.NET Core way, as the web app does:
/// appsettings.json (next to the executable, then in the current folder), environment variables
/// (<c>Database__Provider</c>) and <c>--Section:Key=value</c> overrides, later sources winning.
/// Relative paths such as <c>Database:DataFolder</c> are taken from the current folder.
/// </summary>
internal static class CliHost
{
    public static IHost Build(IReadOnlyList<string> settingOverrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. settingOverrides],
            ContentRootPath = Environment.CurrentDirectory,
        });

        // The command's own appsettings.json ships next to the executable; it ranks just below environment variables.
        var sources = builder.Configuration.Sources;
        var environmentIndex = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .Sources[0];
        sources.Insert(environmentIndex < 0 ? 0 : environmentIndex, shipped);

        builder.AddLoyaltyData();
        builder.Services.AddDemoDataGenerator();
        return builder.Build();
    }

    /// <summary>
    /// Splits ASP.NET Core style setting overrides (<c>--Database:Provider=SqlServer</c> or <c>--Database:Provider SqlServer</c>)
    /// from the command's own arguments.
    /// </summary>
    public static (List<string> Settings, List<string> Command) SplitSettings(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2)[0] : "";
            if (!name.Contains(':', StringComparison.Ordinal))
            {
                command.Add(arg);
                continue;
            }
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(arg);
            }
            else
            {
                var value = i + 1 < args.Count ? args[++i] : "";
                settings.Add($"{arg}={value}");
            }
        }
        return (settings, command);
    }
}

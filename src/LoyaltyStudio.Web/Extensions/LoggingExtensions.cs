using Serilog;
using Serilog.Events;

namespace LoyaltyStudio.Web.Extensions;

/// <summary>Serilog: structured console logs (levels and sinks overridable under <c>Serilog</c> in settings) and one line per request.</summary>
public static class LoggingExtensions
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddSerilog((services, logger) => ConfigureDefaults(logger)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseStructuredRequestLogging(this WebApplication app)
    {
        // The host's logger, not the static one: several hosts (tests) can run in one process.
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(o => o.Logger = logger);
        return app;
    }

    /// <summary>A console logger for messages written before (or instead of) the host: start-up failures.</summary>
    public static Serilog.ILogger CreateStartupLogger() => ConfigureDefaults(new LoggerConfiguration()).CreateLogger();

    private static LoggerConfiguration ConfigureDefaults(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: ConsoleTemplate);
}

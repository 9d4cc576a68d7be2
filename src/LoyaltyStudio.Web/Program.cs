using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Extensions;
using Serilog;

var startupLog = LoggingExtensions.CreateStartupLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLoyaltyData();
    builder.AddWebApp();

    var app = builder.Build();
    app.UseWebApp();
    await app.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupExtensions.IsConfigurationProblem(ex))
{
    startupLog.Fatal("LoyaltyStudio cannot start: {Problem}", StartupExtensions.DescribeConfigurationProblem(ex));
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    startupLog.Fatal(ex, "LoyaltyStudio stopped unexpectedly");
    return 1;
}
finally
{
    (startupLog as IDisposable)?.Dispose();
}

/// <summary>Entry point; public so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;

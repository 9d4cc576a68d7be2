using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app on Kestrel at a free port, with its own SQLite file in a temp folder and a small
/// demo data set, so a real browser can drive it. One instance is shared by the tests of a collection.
/// </summary>
public class RunningApp : WebApplicationFactory<Program>
{
    /// <summary>Demo customers seeded for browser journeys: enough for every page to show real figures.</summary>
    public const int DemoCustomers = 600;

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "loyalty-e2e-" + Guid.NewGuid().ToString("N"));

    private readonly int _customers;

    public RunningApp()
        : this(DemoCustomers)
    {
    }

    /// <summary>Starts the app on a demo set of <paramref name="customers"/> customers.</summary>
    protected RunningApp(int customers)
    {
        _customers = customers;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        BaseUrl = addresses.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string DataFolder => _dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", _dataFolder);
        builder.UseSetting("Demo:Enabled", "true");
        // Journeys decide what is scored: a background training run at start-up would race the pages under test.
        builder.UseSetting("Scoring:Enabled", "false");
        builder.UseSetting("Demo:Customers", _customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(_dataFolder, recursive: true); }
            catch (IOException) { /* the SQLite file may still be held by a pooled connection */ }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<RunningApp>
{
    public const string Name = "browser";
}

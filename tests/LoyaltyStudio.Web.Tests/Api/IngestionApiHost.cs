using System.Net.Http.Headers;
using System.Text;
using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Api;
using LoyaltyStudio.Web.Features.Admin.ApiKeys;
using LoyaltyStudio.Web.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Api;

/// <summary>The real app (demo data, temp SQLite file) with API settings for the tests; keys are made with the real service.</summary>
public abstract class IngestionApiHost : IAsyncLifetime, IAsyncDisposable
{
    private readonly LoyaltyWebFactory _web = new();

    protected IngestionApiHost(int requestsPerMinute) =>
        App = _web.WithWebHostBuilder(b => b.UseSetting("Api:RequestsPerMinute", requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public WebApplicationFactory<Program> App { get; }

    Task IAsyncLifetime.InitializeAsync()
    {
        _ = App.Server; // start the host (migrate, demo data) once, before the tests
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public async Task<CreatedApiKey> CreateKeyAsync(string name = "Web shop") =>
        await App.Services.GetRequiredService<IApiKeyService>().CreateAsync(name, "admin@demo.local");

    /// <summary>A client that sends <paramref name="secret"/> in X-Api-Key and never follows redirects.</summary>
    public HttpClient Client(string? secret)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (secret is not null)
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        return client;
    }

    public async Task<LoyaltyDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>().CreateDbContextAsync();

    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

/// <summary>Host with the default rate limit, far above what the tests send.</summary>
public sealed class IngestionApiFixture() : IngestionApiHost(requestsPerMinute: 100_000);

/// <summary>Host with a rate limit of two requests per minute per key.</summary>
public sealed class RateLimitedApiFixture() : IngestionApiHost(requestsPerMinute: 2);

using System.Net;
using System.Net.Http.Headers;
using LoyaltyStudio.Web.Features.Admin.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoyaltyStudio.Web.Tests.Api.ApiAnswers;

namespace LoyaltyStudio.Web.Tests.Api;

public sealed class ApiKeyAuthenticationTests(IngestionApiFixture host) : IClassFixture<IngestionApiFixture>
{
    private static string OneCustomer() => Batch(new { customerId = $"AUTH-{Guid.NewGuid():N}", firstName = "Ada", lastName = "Lovelace", signupDate = "2025-01-15" });

    [Fact]
    public async Task Request_without_a_key_gets_401_problem_and_no_sign_in_redirect()
    {
        using var client = host.Client(secret: null);

        using var response = await client.PostAsync("/api/v1/customers", IngestionApiHost.Json(OneCustomer()));

        var detail = await ProblemDetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", detail);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Request_with_a_wrong_key_gets_401()
    {
        var key = await host.CreateKeyAsync();
        // Right prefix, wrong rest: the hash comparison, not the lookup, must refuse it.
        var forged = key.Prefix + new string('A', key.Secret.Length - key.Prefix.Length);
        using var client = host.Client(forged);

        using var response = await client.PostAsync("/api/v1/customers", IngestionApiHost.Json(OneCustomer()));

        var detail = await ProblemDetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", detail);
    }

    [Fact]
    public async Task Request_with_a_revoked_key_gets_401_saying_it_was_revoked()
    {
        var key = await host.CreateKeyAsync("Old till");
        await host.App.Services.GetRequiredService<IApiKeyService>().RevokeAsync(key.Id, "admin@demo.local");
        using var client = host.Client(key.Secret);

        using var response = await client.PostAsync("/api/v1/customers", IngestionApiHost.Json(OneCustomer()));

        var detail = await ProblemDetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", detail);
    }

    [Fact]
    public async Task Staff_cookie_alone_does_not_open_the_api()
    {
        using var browser = host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Integration.SignInForm.SignInAsync(browser, "admin@demo.local", Integration.LoyaltyWebFactory.DemoPassword);

        using var response = await browser.PostAsync("/api/v1/customers", IngestionApiHost.Json(OneCustomer()));

        await ProblemDetailAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_authorization_header_is_accepted_and_last_use_is_recorded()
    {
        var key = await host.CreateKeyAsync("App backend");
        using var client = host.Client(secret: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);

        using var response = await client.PostAsync("/api/v1/customers", IngestionApiHost.Json(OneCustomer()));

        Assert.Equal(1, (await CountsAsync(response)).Stored);
        await using var db = await host.DbAsync();
        Assert.NotNull(await db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.LastUsedAt).SingleAsync());
    }
}

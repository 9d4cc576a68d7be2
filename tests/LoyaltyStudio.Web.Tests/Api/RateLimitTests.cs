using System.Net;
using static LoyaltyStudio.Web.Tests.Api.ApiAnswers;

namespace LoyaltyStudio.Web.Tests.Api;

public sealed class RateLimitTests(RateLimitedApiFixture host) : IClassFixture<RateLimitedApiFixture>
{
    private static StringContent OneCustomer() =>
        IngestionApiHost.Json(Batch(new { customerId = $"RL-{Guid.NewGuid():N}", firstName = "Rate", lastName = "Limit", signupDate = "2025-01-01" }));

    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_with_retry_after_while_other_keys_go_on()
    {
        var busy = await host.CreateKeyAsync("Busy till");
        var other = await host.CreateKeyAsync("Quiet till");
        using var busyClient = host.Client(busy.Secret);
        using var otherClient = host.Client(other.Secret);

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await busyClient.PostAsync("/api/v1/customers", OneCustomer());
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await busyClient.PostAsync("/api/v1/customers", OneCustomer());
        using var stillFine = await otherClient.PostAsync("/api/v1/customers", OneCustomer());

        var detail = await ProblemDetailAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Api:RequestsPerMinute", detail);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, stillFine.StatusCode);
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using LoyaltyStudio.Web.Features.Admin.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// Registers and maps the ingestion API under <c>/api/v1</c>: the API-key scheme (used by this group only), per-key
/// rate limiting, the three batch endpoints and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class IngestionApiExtensions
{
    public const string RoutePrefix = "/api/v1";

    /// <summary>Authorization policy of the API: a valid, unrevoked API key (the staff cookie does not count).</summary>
    public const string Policy = "Api.Ingest";

    public const string RateLimitPolicy = "Api.PerKey";

    public static WebApplicationBuilder AddIngestionApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IngestionApiOptions>()
            .Bind(builder.Configuration.GetSection(IngestionApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        services.AddRateLimiter(ConfigureRateLimits);

        services.AddSingleton<OrderIngestion>();
        services.AddSingleton<EventIngestion>();
        services.AddSingleton<CustomerIngestion>();
        services.AddSingleton<IApiKeyService, ApiKeyService>();
        services.AddOpenApi(IngestionOpenApi.Configure);
        return builder;
    }

    /// <summary>
    /// Maps the endpoints and adds the rate limiter to the pipeline; call it after authentication and authorization,
    /// because requests are counted per API key.
    /// </summary>
    public static WebApplication MapIngestionApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup(RoutePrefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Ingestion");
        api.MapPost("/orders", (HttpRequest request, OrderIngestion orders, IOptions<IngestionApiOptions> options, CancellationToken ct)
                => IngestAsync(request, orders, options.Value, ct))
            .Describe<OrderItem>("PostOrders", "Stores a batch of orders with their lines",
                "Orders already stored (same orderId) are counted as already present. The customer and the products must be known.");
        api.MapPost("/events", (HttpRequest request, EventIngestion events, IOptions<IngestionApiOptions> options, CancellationToken ct)
                => IngestAsync(request, events, options.Value, ct))
            .Describe<EventItem>("PostEvents", "Stores a batch of interaction events",
                "Events already stored (same eventId) are counted as already present. The customer must be known.");
        api.MapPost("/customers", (HttpRequest request, CustomerIngestion customers, IOptions<IngestionApiOptions> options, CancellationToken ct)
                => IngestAsync(request, customers, options.Value, ct))
            .Describe<CustomerItem>("PostCustomers", "Stores a batch of customers",
                "Customers already stored (same customerId) are left as they are and counted as already present.");
        return app;
    }

    private static async Task<IResult> IngestAsync<TItem, TParsed>(HttpRequest request, BatchIngestion<TItem, TParsed> ingestion,
        IngestionApiOptions options, CancellationToken cancellationToken) where TItem : class
    {
        var read = await BatchReader.ReadAsync<TItem>(request, options, cancellationToken);
        return read.Problem ?? await ingestion.IngestAsync(read.Items!, cancellationToken);
    }

    private static RouteHandlerBuilder Describe<TItem>(this RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.WithName(name).WithSummary(summary)
            .WithDescription(description + " The whole batch (1 to 1000 items) is stored in one transaction, or nothing of it; " +
                "the customers concerned are marked for re-scoring.")
            .Accepts<IngestionBatch<TItem>>("application/json")
            .Produces<IngestionResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static void ConfigureRateLimits(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(RateLimitPolicy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<IngestionApiOptions>>().Value.RequestsPerMinute;
            var key = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "";
            // A sliding minute (six 10-second segments): a burst just before a fixed window's edge and another just
            // after it would otherwise pass twice the limit within a few seconds.
            return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var perMinute = http.RequestServices.GetRequiredService<IOptions<IngestionApiOptions>>().Value.RequestsPerMinute;
            return new ValueTask(ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This API key may make {perMinute} requests per minute (setting Api:RequestsPerMinute); try again in {seconds} seconds."));
        };
    }
}

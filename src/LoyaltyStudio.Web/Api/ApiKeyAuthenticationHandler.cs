using System.Security.Claims;
using System.Text.Encodings.Web;
using LoyaltyStudio.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// The "ApiKey" authentication scheme: reads the secret from <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>),
/// finds the key by its prefix and compares the hash in constant time. A failed challenge is a 401 problem+json,
/// never a redirect to the sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<LoyaltyDbContext> contexts,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Claim holding the key's database id; the rate limiter partitions by it.</summary>
    public const string KeyIdClaim = "loyalty:api_key_id";

    /// <summary>Last use is written at most this often per key, so a busy key does not cost a write per request.</summary>
    public static readonly TimeSpan UsageRecordingInterval = TimeSpan.FromMinutes(1);

    private const string MissingKey =
        $"This endpoint needs an API key: send it in the {HeaderName} header (or as 'Authorization: Bearer <key>'). Admins create keys on /admin/api-keys.";

    private const string UnknownKey = "The API key is not valid. Check that it was copied whole; admins can create a new one on /admin/api-keys.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedSecret(Request);
        if (presented is null)
            return AuthenticateResult.NoResult();
        if (presented.Length < Domain.Access.ApiKey.PrefixLength || presented.Length > ApiKeySecret.MaxPresentedLength)
            return AuthenticateResult.Fail(UnknownKey);

        var prefix = ApiKeySecret.PrefixOf(presented);
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash))
            return AuthenticateResult.Fail(UnknownKey);
        if (!key.IsActive)
            return AuthenticateResult.Fail(
                $"The API key '{key.Name}' was revoked on {key.RevokedAt:yyyy-MM-dd HH:mm} UTC; ask an admin for a new key.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= UsageRecordingInterval)
        {
            key.RecordUse(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, key.Name)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\", Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key missing or not valid",
            result.Failure?.Message ?? MissingKey);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "This API key may not use this endpoint.");

    /// <summary>The secret from X-Api-Key, else from a Bearer authorization header; null when neither is there.</summary>
    private static string? PresentedSecret(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } fromHeader)
            return fromHeader.Trim();
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}

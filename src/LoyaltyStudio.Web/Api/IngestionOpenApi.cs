using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LoyaltyStudio.Web.Api;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>): only the <c>/api/v1</c> endpoints, with the API-key security scheme.</summary>
public static class IngestionOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = description =>
            description.RelativePath?.StartsWith(IngestionApiExtensions.RoutePrefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LoyaltyStudio ingestion API",
                Version = "v1",
                Description = "Push customers, orders and interaction events in as they happen. Every request needs an API key " +
                    "(created by an admin on /admin/api-keys) in the X-Api-Key header or as 'Authorization: Bearer <key>'.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The secret shown once when the key was created.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        });
    }
}

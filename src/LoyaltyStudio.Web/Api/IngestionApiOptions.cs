using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Web.Api;

/// <summary>Settings of the ingestion API (section <c>Api</c>): body size and per-key request rate.</summary>
public sealed class IngestionApiOptions
{
    public const string Section = "Api";

    /// <summary>Items one request may carry; more are refused as a whole.</summary>
    public const int MaxItemsPerBatch = 1_000;

    /// <summary>Largest request body accepted, in bytes (default 4 MB); larger bodies get 413.</summary>
    [Range(1_024, 256L * 1024 * 1024, ErrorMessage = "Setting Api:MaxBodyBytes must be between 1024 and 268435456 bytes.")]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests one API key may make per minute (default 600); more get 429 with Retry-After.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Setting Api:RequestsPerMinute must be between 1 and 1000000.")]
    public int RequestsPerMinute { get; set; } = 600;
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Web.Api;

/// <summary>The body of every ingestion request: 1 to 1,000 items of one kind.</summary>
public sealed class IngestionBatch<TItem>
{
    [Required, Description("1 to 1000 items. The whole batch is stored, or (on any problem) none of it.")]
    public List<TItem?>? Items { get; set; }
}

/// <summary>What happened to an accepted batch.</summary>
/// <param name="Received">Items in the request.</param>
/// <param name="Stored">Items stored now.</param>
/// <param name="AlreadyPresent">Items whose id was already stored (sent before); left as they are.</param>
public sealed record IngestionResult(int Received, int Stored, int AlreadyPresent);

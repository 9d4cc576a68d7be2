using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Web.Api;

/// <summary>A loyalty member as the source system knows them; a customer already stored is left as it is.</summary>
public sealed class CustomerItem
{
    [Required, Description("Your id of the customer; orders and events refer to it.")]
    public string? CustomerId { get; set; }

    [Required]
    public string? FirstName { get; set; }

    [Required]
    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    [Description("under25, 25-34, 35-44, 45-54, 55-64, 65+ (or the names From25To34 ...); default unknown.")]
    public string? AgeBand { get; set; }

    public string? Region { get; set; }

    [Required, Description("ISO 8601 date (2024-05-01) or date-time with a time zone.")]
    public string? SignupDate { get; set; }

    [Description("online, app or store (default online).")]
    public string? SignupChannel { get; set; }

    [Description("What the customer agreed to; everything not given is 'no'.")]
    public ConsentItem? Consent { get; set; }
}

/// <summary>Marketing consent per channel and consent to profiling (being scored by our models).</summary>
public sealed class ConsentItem
{
    public bool? Email { get; set; }
    public bool? Sms { get; set; }
    public bool? Push { get; set; }
    public bool? Profiling { get; set; }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Web.Api;

/// <summary>An order as the shop, app or till sends it, with its lines.</summary>
public sealed class OrderItem
{
    [Required, Description("The order number in your system; sending it again does not store the order twice.")]
    public string? OrderId { get; set; }

    [Required, Description("Your id of the customer; the customer must have been sent (or imported) before.")]
    public string? CustomerId { get; set; }

    [Required, Description("ISO 8601 date-time with a time zone, e.g. 2026-03-01T10:15:00Z.")]
    public string? OrderedAt { get; set; }

    [Description("online, app or store (default online).")]
    public string? Channel { get; set; }

    [Required, Description("At least one line; each product once per order.")]
    public List<OrderLineItem?>? Lines { get; set; }
}

/// <summary>One product on an order; a negative quantity is a return.</summary>
public sealed class OrderLineItem
{
    [Required, Description("The product's SKU; the product must be known (imported before).")]
    public string? Sku { get; set; }

    [Required, Description("Whole number other than zero; negative for a return.")]
    public int? Quantity { get; set; }

    [Required, Description("Price of one unit before discount, 0 or more.")]
    public decimal? UnitPrice { get; set; }

    [Description("Discount on the whole line, 0 or more and not more than the line is worth (default 0).")]
    public decimal? Discount { get; set; }
}

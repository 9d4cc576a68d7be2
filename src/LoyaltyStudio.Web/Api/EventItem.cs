using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Web.Api;

/// <summary>An interaction of a customer that is not a purchase (product view, cart add, app open, ...).</summary>
public sealed class EventItem
{
    [Required, Description("Your id of the event; sending it again does not store it twice.")]
    public string? EventId { get; set; }

    [Required, Description("Your id of the customer; the customer must have been sent (or imported) before.")]
    public string? CustomerId { get; set; }

    [Required, Description("ISO 8601 date-time with a time zone, e.g. 2026-03-01T10:15:00Z.")]
    public string? OccurredAt { get; set; }

    [Required, Description("productView, cartAdd, appOpen, emailOpen, emailClick or checkoutStep (case, '_' and '-' ignored).")]
    public string? Type { get; set; }

    [Required, Description("online, app or store.")]
    public string? Channel { get; set; }

    [Description("The product's SKU, when the event is about a product.")]
    public string? Sku { get; set; }

    [Description("For checkoutStep events only: the step, 1 or more (1 cart, 2 address, 3 payment, 4 confirm).")]
    public int? CheckoutStep { get; set; }
}

using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Engagement;

namespace LoyaltyStudio.Domain.Tests.Engagement;

public class InteractionEventTests
{
    private static readonly DateTime T0 = new(2025, 2, 1, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Checkout_step_event_keeps_its_step(int step)
    {
        var e = new InteractionEvent(5, T0, InteractionType.CheckoutStep, SalesChannel.Online, productId: null, checkoutStep: step, externalId: "evt-1");

        Assert.Equal((step, "evt-1"), (e.CheckoutStep!.Value, e.ExternalId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-2)]
    public void Checkout_step_event_without_a_valid_step_is_refused(int? step) =>
        Assert.Contains("step number (1 or more)", Assert.Throws<DomainException>(() =>
            new InteractionEvent(5, T0, InteractionType.CheckoutStep, SalesChannel.App, checkoutStep: step)).Message);

    [Theory]
    [InlineData(InteractionType.ProductView)]
    [InlineData(InteractionType.CartAdd)]
    [InlineData(InteractionType.AppOpen)]
    [InlineData(InteractionType.EmailOpen)]
    [InlineData(InteractionType.EmailClick)]
    public void Other_events_carrying_a_step_number_are_refused(InteractionType type) =>
        Assert.Contains($"not {type}", Assert.Throws<DomainException>(() =>
            new InteractionEvent(5, T0, type, SalesChannel.Online, checkoutStep: 1)).Message);

    [Fact]
    public void Product_view_keeps_customer_time_channel_and_product()
    {
        var e = new InteractionEvent(5, T0, InteractionType.ProductView, SalesChannel.App, productId: 33);

        Assert.Equal((5L, T0, InteractionType.ProductView, SalesChannel.App, 33), (e.CustomerId, e.OccurredAt, e.Type, e.Channel, e.ProductId!.Value));
        Assert.Null(e.CheckoutStep);
        Assert.Null(e.ExternalId);
    }
}

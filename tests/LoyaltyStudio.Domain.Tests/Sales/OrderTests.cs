using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Domain.Tests.Sales;

public class OrderTests
{
    private static readonly DateTime T0 = new(2025, 3, 14, 15, 30, 0, DateTimeKind.Utc);

    private static Order NewOrder() => new(" W-5001 ", 12, T0, SalesChannel.Store);

    [Fact]
    public void New_order_has_a_trimmed_number_and_no_lines()
    {
        var order = NewOrder();

        Assert.Equal(("W-5001", 12L, T0, SalesChannel.Store), (order.ExternalId, order.CustomerId, order.OrderedAt, order.Channel));
        Assert.Empty(order.Lines);
        Assert.Equal(0m, order.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Order_without_a_number_is_refused(string number) =>
        Assert.Contains("order number", Assert.Throws<DomainException>(() => new Order(number, 1, T0, SalesChannel.Online)).Message);

    [Fact]
    public void Order_total_is_the_sum_of_line_totals_after_discounts()
    {
        var order = NewOrder();

        var tea = order.AddLine(productId: 1, quantity: 2, unitPrice: 7.50m, discount: 1.50m);
        order.AddLine(productId: 2, quantity: 1, unitPrice: 24.90m);

        Assert.Equal(13.50m, tea.LineTotal);
        Assert.Equal(38.40m, order.Total);
        Assert.Equal(1.50m, order.DiscountTotal);
        Assert.Equal(order.Lines.Sum(l => l.LineTotal), order.Total);
    }

    [Fact]
    public void Return_line_has_a_negative_quantity_and_lowers_the_total()
    {
        var order = NewOrder();
        order.AddLine(1, 3, 10m);

        var returned = order.AddLine(1, -1, 10m);

        Assert.Equal(-10m, returned.LineTotal);
        Assert.Equal(20m, order.Total);
    }

    [Fact]
    public void Line_with_quantity_zero_is_refused()
    {
        var order = NewOrder();

        Assert.Contains("quantity other than zero", Assert.Throws<DomainException>(() => order.AddLine(1, 0, 5m)).Message);
        Assert.Empty(order.Lines);
        Assert.Equal(0m, order.Total);
    }

    [Fact]
    public void Line_with_a_negative_unit_price_is_refused() =>
        Assert.Contains("negative unit price (-1", Assert.Throws<DomainException>(() => NewOrder().AddLine(1, 1, -1m)).Message);

    [Fact]
    public void Line_with_a_negative_discount_is_refused() =>
        Assert.Contains("discount cannot be negative", Assert.Throws<DomainException>(() => NewOrder().AddLine(1, 1, 5m, -0.5m)).Message);

    [Fact]
    public void Discount_larger_than_the_line_value_is_refused()
    {
        var order = NewOrder();

        var ex = Assert.Throws<DomainException>(() => order.AddLine(1, 2, 5m, 10.01m));

        Assert.Contains("more than the line is worth", ex.Message);
        Assert.Equal(0m, order.Total);
    }

    [Fact]
    public void Discount_equal_to_the_line_value_makes_a_free_line()
    {
        var line = NewOrder().AddLine(1, 2, 5m, 10m);

        Assert.Equal(0m, line.LineTotal);
    }

    [Fact]
    public void Lines_cannot_be_changed_through_the_lines_list()
    {
        var order = NewOrder();
        order.AddLine(1, 1, 5m);

        var asList = order.Lines as IList<OrderLine>;

        Assert.True(asList is null || asList.IsReadOnly, "Order lines must only be added through AddLine, which keeps the total.");
    }
}

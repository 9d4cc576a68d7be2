using LoyaltyStudio.Domain.Campaigns;

namespace LoyaltyStudio.Domain.Tests.Campaigns;

public class HoldoutAssignmentTests
{
    private const int Customers = 100_000;

    [Fact]
    public void Same_customer_in_the_same_campaign_always_lands_on_the_same_side()
    {
        for (long customer = 1; customer <= 1_000; customer++)
        {
            var first = HoldoutAssignment.IsInHoldout(42, customer, 0.2m);
            Assert.Equal(first, HoldoutAssignment.IsInHoldout(42, customer, 0.2m));
        }
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("0.1")]
    [InlineData("0.25")]
    [InlineData("0.5")]
    public void Share_held_out_is_near_the_configured_share_over_100k_customers(string share)
    {
        var configured = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture);

        var heldOut = Enumerable.Range(1, Customers).Count(id => HoldoutAssignment.IsInHoldout(7, id, configured));

        Assert.InRange((double)heldOut / Customers, (double)configured - 0.005, (double)configured + 0.005);
    }

    [Fact]
    public void Zero_share_holds_nobody_out() =>
        Assert.DoesNotContain(Enumerable.Range(1, Customers), id => HoldoutAssignment.IsInHoldout(7, id, 0m));

    [Fact]
    public void A_larger_share_keeps_everyone_already_held_out_by_a_smaller_one()
    {
        var smaller = Enumerable.Range(1, 10_000).Where(id => HoldoutAssignment.IsInHoldout(3, id, 0.1m));

        Assert.All(smaller, id => Assert.True(HoldoutAssignment.IsInHoldout(3, id, 0.3m)));
    }

    [Fact]
    public void Different_campaigns_hold_out_independent_groups()
    {
        var inBoth = Enumerable.Range(1, Customers)
            .Count(id => HoldoutAssignment.IsInHoldout(1, id, 0.5m) && HoldoutAssignment.IsInHoldout(2, id, 0.5m));

        // Independent halves overlap on about a quarter; identical ones would overlap on a half.
        Assert.InRange((double)inBoth / Customers, 0.245, 0.255);
    }

    [Fact]
    public void Holdout_is_not_biased_toward_low_or_high_customer_ids()
    {
        var low = Enumerable.Range(1, 50_000).Count(id => HoldoutAssignment.IsInHoldout(9, id, 0.2m));
        var high = Enumerable.Range(50_001, 50_000).Count(id => HoldoutAssignment.IsInHoldout(9, id, 0.2m));

        Assert.InRange(Math.Abs(low - high), 0, 500);
    }

    [Fact]
    public void Assignment_records_campaign_customer_side_and_time()
    {
        var at = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        var assignment = new HoldoutAssignment(4, 99, isHoldout: true, at);

        Assert.Equal((4L, 99L, true, at), (assignment.CampaignId, assignment.CustomerId, assignment.IsHoldout, assignment.AssignedAt));
    }
}

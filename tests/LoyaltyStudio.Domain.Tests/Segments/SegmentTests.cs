using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Domain.Tests.Segments;

public class SegmentTests
{
    private static readonly DateTime T0 = new(2025, 4, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Renaming_a_segment_keeps_its_stable_key()
    {
        var segment = new Segment(SegmentKind.Micro, "micro:7", "Cluster 7", "", T0);

        segment.Rename("Weekend espresso buyers", "Buy espresso on Saturdays in store");

        Assert.Equal(("micro:7", "Weekend espresso buyers", "Buy espresso on Saturdays in store"), (segment.Key, segment.Name, segment.Description));
    }

    [Fact]
    public void Membership_records_the_previous_segment_to_follow_movements()
    {
        var moved = new SegmentMembership(scoringRunId: 2, segmentId: 5, customerId: 9, previousSegmentId: 4);
        var newcomer = new SegmentMembership(2, 5, 10, null);

        Assert.Equal((2L, 5L, 9L, 4L), (moved.ScoringRunId, moved.SegmentId, moved.CustomerId, moved.PreviousSegmentId!.Value));
        Assert.Null(newcomer.PreviousSegmentId);
    }

    [Fact]
    public void Saved_audience_keeps_a_trimmed_name_and_its_rules()
    {
        var audience = new SavedAudience(" Lapsing tea buyers ", """{"all":[{"field":"churnScore","op":">=","value":70}]}""", "marketer", T0);

        Assert.Equal("Lapsing tea buyers", audience.Name);
        Assert.Equal(T0, audience.UpdatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Saved_audience_without_a_name_is_refused(string name) =>
        Assert.Contains("name", Assert.Throws<DomainException>(() => new SavedAudience(name, "{}", "m", T0)).Message);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Saved_audience_without_rules_is_refused(string rules) =>
        Assert.Contains("Audience 'Lapsing' needs at least one rule", Assert.Throws<DomainException>(() => new SavedAudience("Lapsing", rules, "m", T0)).Message);

    [Fact]
    public void Changing_rules_updates_the_time_and_refuses_empty_rules()
    {
        var audience = new SavedAudience("Lapsing", "{\"a\":1}", "m", T0);

        audience.ChangeRules("{\"b\":2}", T0.AddDays(1));
        Assert.Equal(("{\"b\":2}", T0.AddDays(1)), (audience.RulesJson, audience.UpdatedAt));

        Assert.Throws<DomainException>(() => audience.ChangeRules(" ", T0.AddDays(2)));
        Assert.Equal("{\"b\":2}", audience.RulesJson);
    }
}

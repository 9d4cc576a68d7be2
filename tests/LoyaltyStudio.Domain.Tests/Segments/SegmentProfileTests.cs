using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Domain.Tests.Segments;

public class SegmentProfileTests
{
    private static readonly DateTime T0 = new(2025, 4, 4, 0, 0, 0, DateTimeKind.Utc);

    private static Segment Micro() => new(SegmentKind.Micro, "micro:3", "App-first coffee regulars", "", T0);

    [Fact]
    public void New_segment_has_empty_profile_and_centroid_and_is_alive()
    {
        var segment = Micro();

        Assert.Equal(("{}", "{}", false), (segment.ProfileJson, segment.CentroidJson, segment.IsRetired));
        Assert.Null(segment.RetiredAt);
    }

    [Fact]
    public void Updating_the_profile_stores_profile_and_centroid()
    {
        var segment = Micro();

        segment.UpdateProfile("""{"size":120}""", """{"centre":[0.1,-0.4]}""");

        Assert.Equal(("""{"size":120}""", """{"centre":[0.1,-0.4]}"""), (segment.ProfileJson, segment.CentroidJson));
    }

    [Theory]
    [InlineData("", "{}", "a profile cannot be empty")]
    [InlineData("{}", " ", "a centroid cannot be empty")]
    public void Empty_profile_or_centroid_is_refused(string profile, string centroid, string message)
    {
        var segment = Micro();

        Assert.Contains(message, Assert.Throws<DomainException>(() => segment.UpdateProfile(profile, centroid)).Message);
        Assert.Equal("{}", segment.ProfileJson);
    }

    [Fact]
    public void Retired_segment_records_when_and_cannot_be_retired_twice()
    {
        var segment = Micro();

        segment.Retire(T0.AddDays(30));

        Assert.Equal(T0.AddDays(30), segment.RetiredAt);
        Assert.Contains("already retired on 2025-05-04", Assert.Throws<DomainException>(() => segment.Retire(T0.AddDays(31))).Message);
    }

    [Fact]
    public void Segment_cannot_be_retired_before_it_was_created() =>
        Assert.Contains("before it was created", Assert.Throws<DomainException>(() => Micro().Retire(T0.AddDays(-1))).Message);

    [Fact]
    public void Retired_segment_found_again_by_a_later_run_lives_again()
    {
        var segment = Micro();
        segment.Retire(T0.AddDays(30));

        segment.UpdateProfile("""{"size":80}""", """{"centre":[0.2]}""");

        Assert.False(segment.IsRetired);
    }

    [Fact]
    public void Snapshot_keeps_the_segment_figures_of_its_run()
    {
        var snapshot = new SegmentSnapshot(4, 9, 1200, 310.5m, 42.25, """{"size":1200}""");

        Assert.Equal((4L, 9L, 1200, 310.5m, 42.25, """{"size":1200}"""),
            (snapshot.ScoringRunId, snapshot.SegmentId, snapshot.Members, snapshot.AverageLifetimeValue, snapshot.AverageChurnScore, snapshot.ProfileJson));
    }

    [Theory]
    [InlineData(-1, 10.0, 50.0, "{}", "cannot have -1 members")]
    [InlineData(5, -10.0, 50.0, "{}", "average lifetime value cannot be negative")]
    [InlineData(5, 10.0, 101.0, "{}", "average churn score lies between 0 and 100")]
    [InlineData(5, 10.0, double.NaN, "{}", "average churn score lies between 0 and 100")]
    [InlineData(5, 10.0, 50.0, "", "profile cannot be empty")]
    public void Snapshot_with_impossible_figures_is_refused(int members, double value, double churn, string profile, string message) =>
        Assert.Contains(message, Assert.Throws<DomainException>(() => new SegmentSnapshot(4, 9, members, (decimal)value, churn, profile)).Message);
}

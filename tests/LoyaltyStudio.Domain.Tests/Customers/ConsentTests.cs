using LoyaltyStudio.Domain.Customers;

namespace LoyaltyStudio.Domain.Tests.Customers;

public class ConsentTests
{
    private static readonly DateTime T0 = new(2025, 1, 10, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void No_consent_allows_no_channel_and_no_profiling()
    {
        var consent = Consent.None(T0);

        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.False(consent.Allows(c)));
        Assert.False(consent.Profiling);
        Assert.Equal(T0, consent.UpdatedAt);
    }

    [Theory]
    [InlineData(MarketingChannel.Email)]
    [InlineData(MarketingChannel.Sms)]
    [InlineData(MarketingChannel.Push)]
    public void Granting_one_channel_allows_that_channel_only(MarketingChannel channel)
    {
        var consent = Consent.None(T0).WithChannel(channel, true, T0.AddDays(1));

        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.Equal(c == channel, consent.Allows(c)));
        Assert.False(consent.Profiling);
        Assert.Equal(T0.AddDays(1), consent.UpdatedAt);
    }

    [Theory]
    [InlineData(MarketingChannel.Email)]
    [InlineData(MarketingChannel.Sms)]
    [InlineData(MarketingChannel.Push)]
    public void Withdrawing_one_channel_keeps_the_others_and_profiling(MarketingChannel channel)
    {
        var consent = new Consent(true, true, true, true, T0).WithChannel(channel, false, T0.AddDays(1));

        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.Equal(c != channel, consent.Allows(c)));
        Assert.True(consent.Profiling);
    }

    [Fact]
    public void Profiling_consent_is_separate_from_marketing_consent()
    {
        var profilingOnly = Consent.None(T0).WithProfiling(true, T0.AddDays(2));
        var marketingOnly = new Consent(true, true, true, true, T0).WithProfiling(false, T0.AddDays(2));

        Assert.True(profilingOnly.Profiling);
        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.False(profilingOnly.Allows(c)));
        Assert.False(marketingOnly.Profiling);
        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.True(marketingOnly.Allows(c)));
        Assert.Equal(T0.AddDays(2), marketingOnly.UpdatedAt);
    }

    [Fact]
    public void Changing_consent_leaves_the_original_record_untouched()
    {
        var original = Consent.None(T0);

        _ = original.WithChannel(MarketingChannel.Email, true, T0.AddDays(1));
        _ = original.WithProfiling(true, T0.AddDays(1));

        Assert.False(original.Email);
        Assert.False(original.Profiling);
        Assert.Equal(T0, original.UpdatedAt);
    }

    [Fact]
    public void Unknown_channel_is_never_allowed_and_cannot_be_granted()
    {
        var all = new Consent(true, true, true, true, T0);
        const MarketingChannel unknown = (MarketingChannel)99;

        Assert.False(all.Allows(unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => all.WithChannel(unknown, true, T0));
    }
}

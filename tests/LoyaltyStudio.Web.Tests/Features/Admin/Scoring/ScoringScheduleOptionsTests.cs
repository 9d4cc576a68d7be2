using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

public sealed class ScoringScheduleOptionsTests
{
    private static void ValidateAtStart(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddCustomerScoring(configuration);
        using var provider = services.BuildServiceProvider();
        // What StartupExtensions.PrepareAsync runs before the app serves anything.
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("Scoring:DailyAt", "25:00")]
    [InlineData("Scoring:DailyAt", "2am")]
    [InlineData("Scoring:IncrementalEvery", "soon")]
    [InlineData("Scoring:IncrementalEvery", "00:00:01")]
    [InlineData("Scoring:IncrementalEvery", "2.00:00:00")]
    public void Invalid_setting_fails_start_up_with_a_message_naming_it(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ValidateAtStart((key, value)));

        var message = Assert.Single(failure.Failures);
        Assert.Contains($"Setting {key}", message);
        Assert.Contains($"'{value}'", message);
    }

    [Fact]
    public void Defaults_run_daily_at_two_and_look_for_marked_customers_every_five_minutes()
    {
        ValidateAtStart();
        var options = new ScoringScheduleOptions();

        Assert.True(options.Enabled);
        Assert.Equal(new TimeOnly(2, 0), options.DailyTime);
        Assert.Equal(TimeSpan.FromMinutes(5), options.IncrementalInterval);
    }

    [Theory]
    [InlineData("2026-07-01T01:59:00Z", "2026-07-01T02:00:00Z")]
    [InlineData("2026-07-01T02:00:00Z", "2026-07-02T02:00:00Z")]
    [InlineData("2026-07-01T23:30:00Z", "2026-07-02T02:00:00Z")]
    public void Daily_run_is_the_next_time_of_day_after_now(string now, string expected)
    {
        var next = ScoringSchedule.NextDailyRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
            new TimeOnly(2, 0), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void Daily_run_follows_the_server_time_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");

        var next = ScoringSchedule.NextDailyRun(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), new TimeOnly(2, 0), zone);

        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), next);
    }
}

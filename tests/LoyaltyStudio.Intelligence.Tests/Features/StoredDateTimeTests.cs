using System.Globalization;
using LoyaltyStudio.Intelligence.Features;

namespace LoyaltyStudio.Intelligence.Tests.Features;

public sealed class StoredDateTimeTests
{
    [Theory]
    [InlineData("2026-06-30 23:59:59.9999999")]
    [InlineData("2025-02-28 07:05:03.12")]
    [InlineData("2024-02-29 00:00:00")]
    [InlineData("2024-07-01 12:30:45.5")]
    [InlineData("2026-01-31T10:11:12")]
    public void Stored_text_reads_as_the_general_parser_reads_it_in_utc(string text)
    {
        var expected = DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var read = StoredDateTime.Parse(text);

        Assert.Equal(expected.Ticks, read.Ticks);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Fact]
    public void Every_tick_written_in_the_stored_form_reads_back_unchanged()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var value = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 3650));
            if (i % 3 == 0)
                value = value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond)); // whole seconds: no fraction is written
            var text = value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

            Assert.Equal(value, StoredDateTime.Parse(text));
        }
    }
}

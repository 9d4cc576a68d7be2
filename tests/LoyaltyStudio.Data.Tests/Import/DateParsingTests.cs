using LoyaltyStudio.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Import;

public sealed class DateParsingTests
{
    [Theory]
    [InlineData("yyyy-MM-dd", 10)]
    [InlineData("yyyy-MM-dd HH:mm:ss", 19)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss'Z'", 20)]
    [InlineData("M/d/yyyy H:mm", -1)]
    [InlineData("dd.MM.yyyy", 10)]
    [InlineData("yyyy-MM-dd HH:mm:ss.fff", -1)]
    public void Only_formats_made_of_fixed_width_fields_have_a_fixed_length(string format, int expected) =>
        Assert.Equal(expected, ImportRow.FixedLength(format));

    [Theory]
    [InlineData("yyyy-MM-dd", "2024-02-29")]
    [InlineData("yyyy-MM-dd", "2023-02-29")]
    [InlineData("yyyy-MM-dd", "2024-13-01")]
    [InlineData("yyyy-MM-dd", "0000-01-01")]
    [InlineData("yyyy-MM-dd", "2024-1-011")]
    [InlineData("yyyy-MM-dd", "2024-01-0a")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-12-31 23:59:59")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-12-31 24:00:00")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-12-31 23:60:00")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-12-31T23:00:00")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss'Z'", "2024-12-31T23:00:00Z")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss'Z'", "2024-12-31T23:00:00+")]
    [InlineData("dd.MM.yyyy", "31.12.2024")]
    [InlineData("dd.MM.yyyy", "31.11.2024")]
    [InlineData("yyyy-MM-dd", "２０２４-01-01")]
    public void Digit_by_digit_reading_accepts_exactly_what_the_framework_accepts(string format, string text)
    {
        var expected = DateTime.TryParseExact(text, format, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var framework);
        var reader = DigitDateFormat.TryCreate(format);

        Assert.NotNull(reader);
        Assert.Equal(expected, reader.TryParse(text, out var ours));
        Assert.Equal((framework, framework.Kind), (ours, ours.Kind));
    }

    [Fact]
    public async Task Each_row_gets_its_own_date_whatever_format_and_order_the_dates_come_in()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", "order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount\n" +
            "O1,C1,2025-01-02 10:00:00,online,BEAN-1,1,1,0\n" +
            "O1,C1,2025-01-02 10:00:00,online,MUG-1,1,1,0\n" +
            "O2,C1,2025-01-03,online,MUG-1,1,1,0\n" +
            "O3,C2,2025-01-04T05:06:07Z,online,MUG-1,1,1,0\n" +
            "O4,C2,2025-01-02 10:00,online,MUG-1,1,1,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.True(result.Succeeded, result.FileError);
        await using var db = bed.Database.CreateContext();
        var dates = await db.Orders.OrderBy(o => o.ExternalId).Select(o => o.OrderedAt).ToListAsync();
        Assert.Equal([
            new DateTime(2025, 1, 2, 10, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2025, 1, 4, 5, 6, 7, DateTimeKind.Utc), new DateTime(2025, 1, 2, 10, 0, 0, DateTimeKind.Utc)], dates);
    }

    [Fact]
    public async Task With_two_formats_that_both_match_the_first_given_wins_on_every_row()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", "order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount\n" +
            "O1,C1,13/04/2025,online,BEAN-1,1,1,0\n" + // only day-first matches
            "O2,C1,03/04/2025,online,BEAN-1,1,1,0\n"); // both match: month-first was given first

        var result = await bed.ImportAsync(ImportKind.Orders, path, new CsvImportOptions { DateFormats = ["MM'/'dd'/'yyyy", "dd'/'MM'/'yyyy"] });

        Assert.True(result.Succeeded, result.FileError);
        await using var db = bed.Database.CreateContext();
        var dates = await db.Orders.OrderBy(o => o.ExternalId).Select(o => o.OrderedAt).ToListAsync();
        Assert.Equal([new DateTime(2025, 4, 13, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 4, 0, 0, 0, DateTimeKind.Utc)], dates);
    }

    [Fact]
    public async Task A_date_that_fits_no_format_is_refused_even_after_a_good_one()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var path = bed.Write("orders.csv", "order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount\n" +
            "O1,C1,2025-01-02,online,BEAN-1,1,1,0\n" +
            "O2,C1,2025-01-02x,online,BEAN-1,1,1,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.False(result.Committed);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "ordered_at", "2025-01-02x"), (error.Line, error.Column, error.Value));
    }
}

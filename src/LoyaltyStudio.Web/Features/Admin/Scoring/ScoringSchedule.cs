namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>When the daily full run is due: the next <c>Scoring:DailyAt</c> in the server's local time zone.</summary>
public static class ScoringSchedule
{
    /// <summary>
    /// The first moment after <paramref name="now"/> at which the wall clock of <paramref name="zone"/> shows
    /// <paramref name="at"/>. On a day when that time does not exist (clocks move forward), the run is an hour later.
    /// </summary>
    public static DateTimeOffset NextDailyRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = 0; day <= 2; day++)
        {
            var wall = DateTime.SpecifyKind(local.Date.AddDays(day).Add(at.ToTimeSpan()), DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wall))
                wall = wall.AddHours(1);
            var candidate = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
            if (candidate > now)
                return candidate;
        }
        throw new InvalidOperationException($"No daily run time found after {now:O} in {zone.Id}.");
    }
}

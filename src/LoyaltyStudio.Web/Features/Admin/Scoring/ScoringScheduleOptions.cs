using System.Globalization;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>When the web app scores by itself (<c>Scoring:*</c>): at start-up, daily, and incrementally for marked customers.</summary>
public sealed class ScoringScheduleOptions
{
    public const string Section = "Scoring";
    public const string TimeOfDayFormat = "HH:mm";

    /// <summary>False: no automatic runs at all (start-up, daily, incremental); the Admin page can still start them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time of the daily full run, <c>HH:mm</c> in the server's local time zone.</summary>
    public string DailyAt { get; set; } = "02:00";

    /// <summary>How often to look for customers marked for re-scoring (a TimeSpan, <c>hh:mm:ss</c>).</summary>
    public string IncrementalEvery { get; set; } = "00:05:00";

    /// <summary><see cref="DailyAt"/> parsed; only valid after validation.</summary>
    public TimeOnly DailyTime => TryParseDailyAt(DailyAt, out var time) ? time : throw new InvalidOperationException(DailyAtProblem(DailyAt));

    /// <summary><see cref="IncrementalEvery"/> parsed; only valid after validation.</summary>
    public TimeSpan IncrementalInterval => TryParseIncrementalEvery(IncrementalEvery, out var every)
        ? every
        : throw new InvalidOperationException(IncrementalEveryProblem(IncrementalEvery));

    /// <summary>The problems with these settings, each naming its setting; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TryParseDailyAt(DailyAt, out _))
            problems.Add(DailyAtProblem(DailyAt));
        if (!TryParseIncrementalEvery(IncrementalEvery, out _))
            problems.Add(IncrementalEveryProblem(IncrementalEvery));
        return problems;
    }

    private static bool TryParseDailyAt(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeOfDayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryParseIncrementalEvery(string? text, out TimeSpan every) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out every) && every >= TimeSpan.FromSeconds(10) && every <= TimeSpan.FromDays(1);

    private static string DailyAtProblem(string? value) =>
        $"Setting Scoring:DailyAt must be a time of day written HH:mm (24-hour, server local time), e.g. 02:00, not '{value}'.";

    private static string IncrementalEveryProblem(string? value) =>
        $"Setting Scoring:IncrementalEvery must be a duration written hh:mm:ss between 00:00:10 and 1.00:00:00, e.g. 00:05:00, not '{value}'.";
}

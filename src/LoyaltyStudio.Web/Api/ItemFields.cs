using System.Globalization;
using System.Text.RegularExpressions;
using LoyaltyStudio.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// Checks one field of an item and records what is wrong under its path. Lengths come from the database mapping,
/// so the API refuses exactly what the database could not hold.
/// </summary>
public sealed partial class ItemFields(IModel model, ItemErrors errors)
{
    public ItemErrors Errors { get; } = errors;

    public int MaxLength<TEntity>(string property) =>
        model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength() ?? int.MaxValue;

    public string? Required(string? value, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(path, value is null ? "is missing; a value is required" : "is empty; a value is required");
            return null;
        }
        return Optional(value, path, maxLength);
    }

    public string? Optional(string? value, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (trimmed.Length <= maxLength)
            return trimmed;
        Errors.Add(path, $"is {trimmed.Length} characters long; at most {maxLength} are allowed");
        return null;
    }

    public T? Present<T>(T? value, string path) where T : struct
    {
        if (value is null)
            Errors.Add(path, "is missing; a value is required");
        return value;
    }

    /// <summary>An ISO 8601 date-time that says its time zone (Z or an offset), as UTC; with <paramref name="dateOnly"/> also a plain date.</summary>
    public DateTime? Timestamp(string? value, string path, bool dateOnly = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(path, "is missing; a date-time such as 2026-03-01T10:15:00Z is required");
            return null;
        }
        var text = value.Trim();
        if (dateOnly && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (ZonePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at.UtcDateTime;
        Errors.Add(path, $"'{Shorten(text)}' is not an ISO 8601 date-time with a time zone (e.g. 2026-03-01T10:15:00Z or 2026-03-01T11:15:00+01:00)"
            + (dateOnly ? " or a date (2026-03-01)" : ""));
        return null;
    }

    /// <summary>An enum value by name, ignoring case, spaces, '_' and '-' ("product_view" is ProductView).</summary>
    public T? Enum<T>(string? value, string path, T? whenMissing = null) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (whenMissing is null)
                Errors.Add(path, $"is missing; one of {Names<T>()} is required");
            return whenMissing;
        }
        var wanted = Normalize(value);
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (Normalize(candidate.ToString()) == wanted)
                return candidate;
        }
        Errors.Add(path, $"'{Shorten(value)}' is not one of {Names<T>()}");
        return null;
    }

    /// <summary>Runs a domain rule; its message becomes the error of <paramref name="path"/>.</summary>
    public void Rule(string path, Action rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        try
        {
            rule();
        }
        catch (DomainException ex)
        {
            Errors.Add(path, ex.Message);
        }
    }

    private static string Normalize(string text) =>
        string.Concat(text.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant));

    private static string Names<T>() where T : struct, Enum =>
        string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ZonePattern();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// Reads a request body into an <see cref="IngestionBatch{TItem}"/> within the size limit, and turns every way it can
/// fail (too large, not JSON, wrong types, too many items) into a problem answer that says where and why.
/// </summary>
internal static partial class BatchReader
{
    /// <summary>camelCase names, case-insensitive on input; numbers must be JSON numbers, not strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The batch, or the problem answer to send instead.</summary>
    public readonly record struct Outcome<TItem>(List<TItem?>? Items, IResult? Problem);

    public static async Task<Outcome<TItem>> ReadAsync<TItem>(HttpRequest request, IngestionApiOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return Fail<TItem>(ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Not JSON",
                $"Send the batch as JSON with 'Content-Type: application/json' (got '{request.ContentType}')."));

        var body = await ReadLimitedAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
            return Fail<TItem>(ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is larger than {options.MaxBodyBytes:N0} bytes (setting Api:MaxBodyBytes); send fewer items per request."));

        var errors = new ItemErrors();
        if (body.Length == 0)
        {
            errors.Add("body", "is empty; send { \"items\": [ ... ] }");
            return Fail<TItem>(ApiProblems.Invalid(StatusCodes.Status400BadRequest, "The batch is not valid", errors));
        }

        IngestionBatch<TItem>? batch;
        try
        {
            batch = JsonSerializer.Deserialize<IngestionBatch<TItem>>(body, Json);
        }
        catch (JsonException ex)
        {
            errors.Add(PathOf(ex), Describe(ex));
            return Fail<TItem>(ApiProblems.Invalid(StatusCodes.Status400BadRequest, "The batch is not valid JSON of the expected shape", errors));
        }

        var items = batch?.Items;
        if (items is null)
            errors.Add("items", "is missing; send { \"items\": [ ... ] } with 1 to 1000 items");
        else if (items.Count == 0)
            errors.Add("items", "is empty; send 1 to 1000 items");
        else if (items.Count > IngestionApiOptions.MaxItemsPerBatch)
            errors.Add("items", $"has {items.Count:N0} items; at most {IngestionApiOptions.MaxItemsPerBatch:N0} are accepted per request, so split the batch");
        return errors.Any
            ? Fail<TItem>(ApiProblems.Invalid(StatusCodes.Status400BadRequest, "The batch is not valid", errors))
            : new Outcome<TItem>(items, null);
    }

    private static Outcome<TItem> Fail<TItem>(IResult problem) => new(null, problem);

    /// <summary>The whole body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        // Let the server stop a body that lies about (or does not declare) its length, too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1;

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary><c>$.items[3].orderedAt</c> becomes <c>items[3].orderedAt</c>; the root is called "body".</summary>
    internal static string PathOf(JsonException ex) =>
        ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : ex.Path is { Length: > 1 } rooted && rooted.StartsWith('$') ? rooted[1..]
        : "body";

    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        var conversion = ConversionPattern().Match(ex.Message);
        if (conversion.Success)
            return $"has the wrong type: expected {Expected(conversion.Groups[1].Value)}{where}";
        // Malformed JSON: the reader's first sentence says what it found.
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return $"is not valid JSON: {reason}{where}";
    }

    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when clrType.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("System.Decimal", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("List`1", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex(@"could not be converted to (\S+)")]
    private static partial Regex ConversionPattern();
}

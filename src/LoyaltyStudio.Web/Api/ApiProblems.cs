using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyStudio.Web.Api;

/// <summary>The API's error answers: RFC 9457 problem+json bodies, so a client always gets a reason it can read.</summary>
public static class ApiProblems
{
    /// <summary>Errors listed in one answer; the rest are counted, so a batch of 1,000 bad items stays readable.</summary>
    public const int MaxListedErrors = 100;

    /// <summary>Writes a problem+json body straight to the response (used outside endpoints: authentication, rate limiting).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A validation problem whose errors are keyed by item path (<c>items[3].orderedAt</c>).</summary>
    public static ProblemHttpResult Invalid(int status, string title, ItemErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var listed = errors.Listed(MaxListedErrors);
        var detail = errors.Count > MaxListedErrors
            ? $"{errors.Count} problems were found; the first {MaxListedErrors} are listed. Nothing of this batch was stored."
            : $"{errors.Count} problem{(errors.Count == 1 ? " was" : "s were")} found. Nothing of this batch was stored.";
        return TypedResults.Problem(new HttpValidationProblemDetails(listed) { Status = status, Title = title, Detail = detail });
    }
}

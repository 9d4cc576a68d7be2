using System.Net;
using System.Text.Json;

namespace LoyaltyStudio.Web.Tests.Api;

/// <summary>Reads the API's answers: problem+json errors by path, and the stored/already-present counts.</summary>
public static class ApiAnswers
{
    public static async Task<Dictionary<string, string[]>> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var errors = new Dictionary<string, string[]>();
        if (json.RootElement.TryGetProperty("errors", out var list))
        {
            foreach (var field in list.EnumerateObject())
                errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
        }
        return errors;
    }

    public static async Task<string> ProblemDetailAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("detail").GetString() ?? "";
    }

    public static async Task<(int Received, int Stored, int AlreadyPresent)> CountsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("received").GetInt32(), root.GetProperty("stored").GetInt32(), root.GetProperty("alreadyPresent").GetInt32());
    }

    public static string Batch(params object[] items) => JsonSerializer.Serialize(new { items }, JsonSerializerOptions.Web);
}

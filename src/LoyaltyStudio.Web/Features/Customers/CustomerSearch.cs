namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>The answer to one customer search: at most <see cref="MaxResults"/> rows, already masked when the user may not see personal data.</summary>
/// <param name="Term">What was searched for, trimmed; empty before the first search.</param>
/// <param name="Masked">True when names, e-mail and phone are hidden and only the external id is searched.</param>
/// <param name="Rows">Matching customers, by last name then first name.</param>
/// <param name="HasMore">More customers match than are shown.</param>
/// <param name="Problem">Why the term was not searched (too long), or null.</param>
public sealed record CustomerSearchResult(string Term, bool Masked, IReadOnlyList<CustomerSearchRow> Rows, bool HasMore, string? Problem)
{
    /// <summary>Most rows a search returns; the user refines the term to see others.</summary>
    public const int MaxResults = 50;

    public bool Searched => Term.Length > 0 && Problem is null;
}

/// <summary>One customer in the search results.</summary>
public sealed record CustomerSearchRow(
    long Id,
    string ExternalId,
    string Name,
    string? Email,
    string TierName,
    string Region,
    DateTime? LastOrderAt,
    int Orders);

namespace LoyaltyStudio.Web.Features.Segments.Overlap;

/// <summary>Whether a row or column of the overlap matrix is a saved audience or a micro-segment.</summary>
public enum OverlapItemKind
{
    Audience = 0,
    MicroSegment = 1,
}

/// <summary>A row (and the same column) of the overlap matrix: a saved audience or a micro-segment with its members now.</summary>
public sealed record OverlapItem(OverlapItemKind Kind, long Id, string Name, int Members);

/// <summary>A saved audience the user may add to the matrix; <see cref="Problem"/> says why it cannot be (e.g. its segment is gone).</summary>
public sealed record OverlapAudienceChoice(long Id, string Name, string? Problem);

/// <summary>
/// The overlap matrix of the current run: <see cref="Both"/>[i][j] is the customers in item i and item j (the diagonal
/// is each item's size). The share of a cell is taken of its row's members. Only the audiences in
/// <see cref="ShownAudienceIds"/> are in the matrix; <see cref="Audiences"/> lists all for the picker.
/// <see cref="AudiencesCountedAt"/> is when the oldest of the shown audiences' members were counted (UTC; null: none shown).
/// </summary>
public sealed record OverlapView(
    DateTime Cutoff,
    IReadOnlyList<OverlapItem> Items,
    IReadOnlyList<IReadOnlyList<int>> Both,
    IReadOnlyList<OverlapAudienceChoice> Audiences,
    IReadOnlyList<long> ShownAudienceIds,
    DateTime? AudiencesCountedAt = null)
{
    /// <summary>Share of row <paramref name="row"/>'s members who are also in column <paramref name="column"/>; 0 for an empty row.</summary>
    public double Share(int row, int column) => Items[row].Members == 0 ? 0 : (double)Both[row][column] / Items[row].Members;
}

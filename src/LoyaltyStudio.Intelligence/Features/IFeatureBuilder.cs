namespace LoyaltyStudio.Intelligence.Features;

/// <summary>
/// Builds the features of customers as of a cut-off, reading nothing at or after it. The same builder serves
/// training (at an earlier cut-off) and scoring (at today), so a model never sees a feature computed differently.
/// </summary>
public interface IFeatureBuilder
{
    /// <summary>
    /// Features of every customer with at least one purchase before <paramref name="cutoff"/>, or only of
    /// <paramref name="customerIds"/> when given (an incremental run), ordered by customer id. Given customers without a
    /// purchase before the cut-off (and unknown ids) get no row: their purchase features would be undefined.
    /// </summary>
    Task<FeatureTable> BuildAsync(DateTime cutoff, IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default);
}

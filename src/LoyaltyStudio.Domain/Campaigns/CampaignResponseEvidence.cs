using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Campaigns;

/// <summary>
/// What one completed campaign showed for one group of its audience, counted once and kept: how many were treated and
/// held out, how many of each bought in the offer window, and how many treated customers redeemed. <see cref="Basis"/>
/// names the rules and the data the counts were taken from, so a reader can tell when they must be counted again.
/// </summary>
public class CampaignResponseEvidence
{
    /// <summary>The most characters a group name or a basis may hold.</summary>
    public const int MaxGroupLength = 40;

    /// <inheritdoc cref="MaxGroupLength"/>
    public const int MaxBasisLength = 200;

    public long Id { get; private set; }
    public long CampaignId { get; private set; }

    /// <summary>Which customers of the audience: "all", or the name of the offer situation they were in at the start.</summary>
    public string Group { get; private set; } = "";

    public int Treated { get; private set; }
    public int TreatedBuyers { get; private set; }
    public int Redeemed { get; private set; }
    public int Holdout { get; private set; }
    public int HoldoutBuyers { get; private set; }

    /// <summary>A fingerprint of the rules and of the campaign's data when the counts were taken.</summary>
    public string Basis { get; private set; } = "";

    public DateTime CountedAt { get; private set; }

    private CampaignResponseEvidence() { }

    public CampaignResponseEvidence(long campaignId, string group, int treated, int treatedBuyers, int redeemed, int holdout,
        int holdoutBuyers, string basis, DateTime countedAt)
    {
        if (string.IsNullOrWhiteSpace(group) || group.Length > MaxGroupLength)
            throw new DomainException($"A response group needs a name of 1 to {MaxGroupLength} characters, not '{group}'.");
        if (string.IsNullOrWhiteSpace(basis) || basis.Length > MaxBasisLength)
            throw new DomainException($"The basis of campaign {campaignId}'s response counts needs 1 to {MaxBasisLength} characters.");
        if (treated < 0 || holdout < 0 || treatedBuyers < 0 || redeemed < 0 || holdoutBuyers < 0)
            throw new DomainException($"Campaign {campaignId}, group {group}: response counts cannot be negative.");
        if (treatedBuyers > treated || redeemed > treated)
            throw new DomainException($"Campaign {campaignId}, group {group}: {treatedBuyers} buyers and {redeemed} redemptions cannot come from {treated} treated customers.");
        if (holdoutBuyers > holdout)
            throw new DomainException($"Campaign {campaignId}, group {group}: {holdoutBuyers} buyers cannot come from {holdout} held-out customers.");
        CampaignId = campaignId;
        Group = group;
        Treated = treated;
        TreatedBuyers = treatedBuyers;
        Redeemed = redeemed;
        Holdout = holdout;
        HoldoutBuyers = holdoutBuyers;
        Basis = basis;
        CountedAt = countedAt;
    }
}

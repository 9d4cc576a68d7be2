using System.Globalization;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>One past campaign: its offer window and the rows that describe it.</summary>
internal sealed record PastCampaign(int Index, Campaign Campaign, SavedAudience Audience, DateTime Start, DateTime End)
{
    public long Id => Campaign.Id;
}

/// <summary>
/// The completed campaigns of the simulated period, evenly spread over it: each e-mailed a "10 % off your next
/// basket" offer, valid for <see cref="SimulationParameters.OfferWindowDays"/> days, to a random share of the
/// customers who had joined and consented to e-mail by its start, with a randomised holdout. Each campaign went
/// through the real lifecycle (draft → pending approval → approved → running → completed).
/// </summary>
internal static class PastCampaigns
{
    public const string Marketer = "marketer@loyalty.example";
    public const string Manager = "manager@loyalty.example";
    public const decimal OfferDiscountRate = 0.10m;

    /// <summary>
    /// The audience's rules in the audience builder's version-1 format (what <c>AudienceRulesJson</c> in Intelligence
    /// reads and writes, spelled out here because Data cannot reference Intelligence): customers who consented to
    /// e-mail. The campaign's random sample and its "joined before the start" cut are part of the campaign's history,
    /// not rules a builder can evaluate today: the name says so in brackets, after what the rules select.
    /// </summary>
    public const string EmailSubscribersRules =
        """{"version":1,"root":{"match":"all","conditions":[{"field":"consentEmail","operator":"is","value":"yes"}],"groups":[]}}""";

    /// <summary>
    /// The name of a past campaign's audience: what its rules select (e-mail subscribers), then, in brackets, the share
    /// the campaign drew from them at random, which no rule can express.
    /// </summary>
    public static string AudienceName(string campaign, double share) =>
        string.Create(CultureInfo.InvariantCulture, $"{campaign}: E-mail subscribers (campaign sent to a random {share:P0})");

    private static readonly string[] Themes = ["Coffee week", "Spring treats", "Summer refresh", "Back to routine",
        "Autumn warmers", "Winter favourites", "New year restart", "Tea time", "Bakery fresh", "Gift season"];

    /// <summary>Builds the campaigns with ids after <paramref name="campaignIdBase"/> and <paramref name="audienceIdBase"/>.</summary>
    public static IReadOnlyList<PastCampaign> Plan(SimulationParameters parameters, DemoPeriod period,
        long campaignIdBase, long audienceIdBase, EntityValues values)
    {
        var campaigns = new List<PastCampaign>();
        var window = TimeSpan.FromDays(parameters.OfferWindowDays);
        var length = period.End - period.Start;
        for (var k = 0; k < parameters.Campaigns; k++)
        {
            // Centre k of n evenly spaced windows; whole days at 09:00 so the windows read naturally.
            var centre = period.Start + (length * ((k + 1.0) / (parameters.Campaigns + 1)));
            var start = (centre - (window / 2)).Date.AddHours(9);
            var end = start + window;
            if (start < period.Start.AddDays(7) || end > period.End)
                continue;
            var index = campaigns.Count;
            var name = string.Create(CultureInfo.InvariantCulture, $"{Themes[k % Themes.Length]} {start:MMM yyyy}");
            // The name says what the rules select (every e-mail subscriber); the campaign's random share is history.
            var audience = new SavedAudience(AudienceName(name, parameters.CampaignAudienceShare), EmailSubscribersRules, Marketer, start.AddDays(-7));
            values.Set(audience, nameof(SavedAudience.Id), audienceIdBase + index + 1);

            var campaign = new Campaign(name, "10 % off the next basket, e-mailed to a random sample with a holdout.",
                audience.Id, parameters.HoldoutShare, Marketer, start.AddDays(-7));
            values.Set(campaign, nameof(Campaign.Id), campaignIdBase + index + 1);
            campaign.Schedule(start, end);
            campaign.SubmitForApproval(Marketer);
            campaign.Approve(Manager, start.AddDays(-3));
            campaign.Start(start);
            campaign.Complete(end);
            campaigns.Add(new PastCampaign(index, campaign, audience, start, end));
        }
        return campaigns;
    }
}

using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// Counts, for every completed campaign with a holdout whose offer window ended by the cut-off, who in its audience was
/// treated or held out, who bought in the window and who redeemed the offer — overall and per candidate kind, where a
/// customer counts for a kind when the offer rules would have proposed that kind to them at the campaign's start.
/// </summary>
/// <remarks>
/// Past campaigns sent their own offer (in the simulated data "10 % off your next basket"), not the candidate; what is
/// measured per kind is how customers in that situation responded to being sent an offer. Win-back is judged by the days
/// since the last purchase (<see cref="NextBestOfferOptions.WinBackLapseDays"/>): past churn scores are not kept.
/// </remarks>
internal static class OfferResponseHistory
{
    public static async Task<OfferResponseRates> EstimateAsync(IDbContextFactory<LoyaltyDbContext> contexts, LoyaltyDbContext context,
        OfferCatalogue catalogue, NextBestOfferOptions options, DateTime cutoff, CancellationToken cancellationToken)
    {
        var campaigns = await context.Campaigns
            .Where(c => c.Status == CampaignStatus.Completed && c.StartsAt != null && c.EndsAt != null && c.EndsAt <= cutoff
                && context.HoldoutAssignments.Any(h => h.CampaignId == c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, Start = c.StartsAt!.Value, End = c.EndsAt!.Value })
            .ToListAsync(cancellationToken);

        var rules = new OfferRules(catalogue, options);
        var pooled = default(ResponseEvidence);
        var byKind = new Dictionary<OfferCandidateKind, ResponseEvidence>();
        var kinds = new HashSet<OfferCandidateKind>();
        foreach (var campaign in campaigns)
        {
            var (id, start, end) = (campaign.Id, campaign.Start, campaign.End);
            var signals = await OfferSignalReader.ReadAsync(contexts, catalogue, options, start, id, cancellationToken);
            var members = context.HoldoutAssignments.Where(h => h.CampaignId == id).Select(h => new
            {
                h.CustomerId,
                h.IsHoldout,
                Bought = context.Orders.Any(o => o.CustomerId == h.CustomerId && o.OrderedAt >= start && o.OrderedAt < end),
                Redeemed = context.Offers.Any(f => f.CampaignId == id && f.CustomerId == h.CustomerId
                    && f.RedeemedAt >= start && f.RedeemedAt < end),
            });
            await foreach (var member in members.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var evidence = member.IsHoldout
                    ? new ResponseEvidence(0, 0, 0, 1, member.Bought ? 1 : 0)
                    : new ResponseEvidence(1, member.Bought ? 1 : 0, member.Redeemed ? 1 : 0, 0, 0);
                pooled = pooled.Plus(evidence);
                if (!signals.TryGetValue(member.CustomerId, out var customer))
                    continue;
                kinds.Clear();
                foreach (var idea in rules.IdeasFor(customer, start, churnProbability: null))
                    kinds.Add(idea.Kind);
                foreach (var kind in kinds)
                    byKind[kind] = byKind.GetValueOrDefault(kind).Plus(evidence);
            }
        }
        return OfferResponseRates.Estimate(pooled, byKind, campaigns.Count, options);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// Counts, for every completed campaign with a holdout whose offer window ended by the cut-off, who in its audience was
/// treated or held out, who bought in the window and who redeemed the offer — overall and per candidate kind, where a
/// customer counts for a kind when the offer rules would have proposed that kind to them at the campaign's start.
/// </summary>
/// <remarks>
/// <para>Past campaigns sent their own offer (in the simulated data "10 % off your next basket"), not the candidate; what is
/// measured per kind is how customers in that situation responded to being sent an offer. Win-back is judged by the days
/// since the last purchase (<see cref="NextBestOfferOptions.WinBackLapseDays"/>): past churn scores are not kept.</para>
/// <para>A completed campaign's counts do not change, so they are counted once and kept (<see cref="CampaignResponseEvidence"/>):
/// classifying an audience means reading every member's history at the campaign's start, which was most of a scoring run's
/// offer stage. Each kept count carries a basis: a hash of the offer rules and the reference tables they read (options,
/// categories, products, tiers) and, for the campaign, its assignments, its members' orders before the window ended (count
/// and sum), their product views in the view window before the start, and the offers redeemed in the window. A run reads
/// the basis with a few indexed counts; when any part differs (changed settings, a late import of old orders) the campaign
/// is counted again and the kept rows are replaced.</para>
/// </remarks>
internal static class OfferResponseHistory
{
    /// <summary>The group name of a campaign's whole audience; the other groups are <see cref="OfferCandidateKind"/> names.</summary>
    public const string WholeAudience = "all";

    public static async Task<OfferResponseRates> EstimateAsync(IDbContextFactory<LoyaltyDbContext> contexts, LoyaltyDbContext context,
        OfferCatalogue catalogue, NextBestOfferOptions options, DateTime cutoff, CancellationToken cancellationToken)
    {
        var campaigns = await context.Campaigns
            .Where(c => c.Status == CampaignStatus.Completed && c.StartsAt != null && c.EndsAt != null && c.EndsAt <= cutoff
                && context.HoldoutAssignments.Any(h => h.CampaignId == c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, Start = c.StartsAt!.Value, End = c.EndsAt!.Value })
            .ToListAsync(cancellationToken);

        var pooled = default(ResponseEvidence);
        var byKind = new Dictionary<OfferCandidateKind, ResponseEvidence>();
        if (campaigns.Count > 0)
        {
            var rulesKey = await RulesKeyAsync(context, options, cancellationToken);
            foreach (var campaign in campaigns)
            {
                var basis = $"{rulesKey};{await DataKeyAsync(context, options, campaign.Id, campaign.Start, campaign.End, cancellationToken)}";
                var counts = await ReadKeptAsync(context, campaign.Id, basis, cancellationToken);
                if (counts is null)
                {
                    counts = await CountAsync(contexts, context, catalogue, options, campaign.Id, campaign.Start, campaign.End, cancellationToken);
                    await KeepAsync(contexts, campaign.Id, counts, basis, cancellationToken);
                }
                pooled = pooled.Plus(counts.Whole);
                foreach (var (kind, evidence) in counts.ByKind)
                    byKind[kind] = byKind.GetValueOrDefault(kind).Plus(evidence);
            }
        }
        return OfferResponseRates.Estimate(pooled, byKind, campaigns.Count, options);
    }

    /// <summary>Classifies the campaign's audience at its start and counts each group's response in its window.</summary>
    internal static async Task<CampaignCounts> CountAsync(IDbContextFactory<LoyaltyDbContext> contexts, LoyaltyDbContext context,
        OfferCatalogue catalogue, NextBestOfferOptions options, long id, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var rules = new OfferRules(catalogue, options);
        var whole = default(ResponseEvidence);
        var byKind = new Dictionary<OfferCandidateKind, ResponseEvidence>();
        var kinds = new HashSet<OfferCandidateKind>();
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
            whole = whole.Plus(evidence);
            if (!signals.TryGetValue(member.CustomerId, out var customer))
                continue;
            kinds.Clear();
            foreach (var idea in rules.IdeasFor(customer, start, churnProbability: null))
                kinds.Add(idea.Kind);
            foreach (var kind in kinds)
                byKind[kind] = byKind.GetValueOrDefault(kind).Plus(evidence);
        }
        return new CampaignCounts(whole, byKind);
    }

    /// <summary>The kept counts of a campaign when every row was taken on <paramref name="basis"/>; otherwise null.</summary>
    private static async Task<CampaignCounts?> ReadKeptAsync(LoyaltyDbContext context, long campaignId, string basis,
        CancellationToken cancellationToken)
    {
        var rows = await context.CampaignResponseEvidence.AsNoTracking().Where(e => e.CampaignId == campaignId)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 || rows.Any(r => r.Basis != basis))
            return null;
        ResponseEvidence? whole = null;
        var byKind = new Dictionary<OfferCandidateKind, ResponseEvidence>();
        foreach (var row in rows)
        {
            var evidence = new ResponseEvidence(row.Treated, row.TreatedBuyers, row.Redeemed, row.Holdout, row.HoldoutBuyers);
            if (row.Group == WholeAudience)
                whole = evidence;
            else if (Enum.TryParse<OfferCandidateKind>(row.Group, ignoreCase: false, out var kind) && Enum.IsDefined(kind))
                byKind[kind] = evidence;
            else
                return null; // a group this version does not know: count again
        }
        return whole is { } w ? new CampaignCounts(w, byKind) : null;
    }

    /// <summary>Replaces the campaign's kept rows in one transaction; a concurrent run that kept the same counts first wins.</summary>
    private static async Task KeepAsync(IDbContextFactory<LoyaltyDbContext> contexts, long campaignId, CampaignCounts counts, string basis,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CampaignResponseEvidence.Where(e => e.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken);
        db.CampaignResponseEvidence.Add(Row(campaignId, WholeAudience, counts.Whole, basis, now));
        foreach (var (kind, evidence) in counts.ByKind.OrderBy(k => k.Key))
            db.CampaignResponseEvidence.Add(Row(campaignId, kind.ToString(), evidence, basis, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run kept this campaign's counts between our delete and insert; they were counted from the same rows.
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    private static CampaignResponseEvidence Row(long campaignId, string group, ResponseEvidence e, string basis, DateTime now) =>
        new(campaignId, group, e.Treated, e.TreatedBuyers, e.Redeemed, e.Holdout, e.HoldoutBuyers, basis, now);

    /// <summary>A hash of everything the classification reads besides a campaign's own rows: the options and the reference tables.</summary>
    private static async Task<string> RulesKeyAsync(LoyaltyDbContext context, NextBestOfferOptions options, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(JsonSerializer.Serialize(options));
        foreach (var c in await context.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(cancellationToken))
            text.Append(CultureInfo.InvariantCulture, $"|c{c.Id}:{c.Code}:{c.Name}");
        foreach (var p in await context.Products.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.CategoryId, p.UnitPrice, p.Sku, p.Name }).ToListAsync(cancellationToken))
            text.Append(CultureInfo.InvariantCulture, $"|p{p.Id}:{p.CategoryId}:{p.UnitPrice}:{p.Sku}:{p.Name}");
        foreach (var t in await context.Tiers.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Code, t.Name, t.Rank, t.QualifyingSpend, t.PointsPerCurrencyUnit }).ToListAsync(cancellationToken))
            text.Append(CultureInfo.InvariantCulture, $"|t{t.Id}:{t.Code}:{t.Name}:{t.Rank}:{t.QualifyingSpend}:{t.PointsPerCurrencyUnit}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "rules:" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>
    /// Indexed counts over the campaign's own rows that change when anything its counts were taken from changes: its
    /// assignments, its members' orders before the window's end, their product views in the view window, its redemptions.
    /// </summary>
    private static async Task<string> DataKeyAsync(LoyaltyDbContext context, NextBestOfferOptions options, long id, DateTime start,
        DateTime end, CancellationToken cancellationToken)
    {
        // Separate aggregates rather than a grouping by a constant, which not every provider translates.
        var members = context.HoldoutAssignments.Where(h => h.CampaignId == id);
        var assigned = await members.CountAsync(cancellationToken);
        var held = await members.CountAsync(h => h.IsHoldout, cancellationToken);
        var orders = from h in members
                     join o in context.Orders on h.CustomerId equals o.CustomerId
                     where o.OrderedAt < end
                     select o;
        var orderCount = await orders.CountAsync(cancellationToken);
        var orderTotal = await orders.SumAsync(o => (double)o.Total, cancellationToken);
        var viewsFrom = start.AddDays(-options.ViewWindowDays);
        var views = await (from h in members
                           join e in context.InteractionEvents on h.CustomerId equals e.CustomerId
                           where e.OccurredAt >= viewsFrom && e.OccurredAt < start && e.Type == InteractionType.ProductView
                           select e.Id).CountAsync(cancellationToken);
        var redeemed = await context.Offers.CountAsync(f => f.CampaignId == id && f.RedeemedAt >= start && f.RedeemedAt < end,
            cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"a:{assigned}/{held};o:{orderCount}/{Math.Round(orderTotal, 2):0.00};v:{views};x:{redeemed};w:{start:yyyyMMddHHmmss}-{end:yyyyMMddHHmmss}");
    }

    /// <summary>One campaign's counts: its whole audience and each kind's share of it.</summary>
    internal sealed record CampaignCounts(ResponseEvidence Whole, IReadOnlyDictionary<OfferCandidateKind, ResponseEvidence> ByKind);
}

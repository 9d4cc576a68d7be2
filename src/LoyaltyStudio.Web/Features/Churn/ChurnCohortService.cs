using System.Security.Claims;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>One cohort of the current run: its summary, its members page by page, and a saved audience made from it.</summary>
public interface IChurnCohortService
{
    /// <summary>The cohort's title and customers per band; null before the first run. Throws <see cref="DomainException"/> for a tier or segment that does not exist.</summary>
    Task<ChurnCohortSummary?> GetCohortAsync(ChurnCohort cohort, CancellationToken cancellationToken = default);

    /// <summary>One sorted page of the cohort's members (optionally of one band), names masked for roles that see personal data masked.</summary>
    Task<ChurnMembersPage> GetMembersAsync(ClaimsPrincipal user, ChurnMemberQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves an audience whose rules select the cohort's members in <paramref name="band"/>, under a name of its own.
    /// Throws <see cref="UnauthorizedAccessException"/> for roles without <see cref="AreaPolicies.ChurnEdit"/>.
    /// </summary>
    Task<CohortAudienceCreated> CreateAudienceAsync(ClaimsPrincipal user, ChurnCohort cohort, ChurnRiskBand band, CancellationToken cancellationToken = default);
}

/// <summary>
/// A cohort's counts come from the overview (kept in memory per run, see <see cref="CachedChurnOverview"/>), so its page
/// and the grid's pager need no pass over the scores of their own; a member page is one sorted SQL page. The audience
/// goes through <see cref="SavedAudienceService"/> with the rules that mirror the cohort's filter, so it selects the very
/// customers the page lists.
/// </summary>
public sealed class ChurnCohortService(
    IDbContextFactory<LoyaltyDbContext> contexts,
    IAuthorizationService authorization,
    SavedAudienceService audiences,
    IChurnOverviewService overviews,
    TimeProvider clock) : IChurnCohortService
{
    /// <summary>Said to a role that may read the churn pages but not act on them.</summary>
    public const string ReadOnlyMessage = "Your role can look at churn cohorts but not turn them into audiences; ask a marketer or an admin.";

    public async Task<ChurnCohortSummary?> GetCohortAsync(ChurnCohort cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        DescribedCohort described;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            described = await DescribeAsync(db, cohort, cancellationToken);
        var overview = await overviews.GetOverviewAsync(cancellationToken);
        if (overview is null)
            return null;
        var counts = Counts(overview, cohort) with { Label = described.Heading };
        return new ChurnCohortSummary(cohort, described.Heading, described.Definition, counts, overview.Run, described.CannotActBecause);
    }

    /// <summary>The cohort's row of the overview; all zero when the overview has none (a cohort without counted customers).</summary>
    private static ChurnCohortRow Counts(ChurnOverview overview, ChurnCohort cohort)
    {
        if (cohort.Dimension == ChurnCohortDimension.All)
        {
            int In(ChurnRiskBand band) => overview.Bands.Where(b => b.Band == band).Sum(b => b.Customers);
            var scoreSum = overview.CustomersByScore.Select((count, score) => (long)count * score).Sum();
            return new ChurnCohortRow(cohort, "", In(ChurnRiskBand.Low), In(ChurnRiskBand.Medium), In(ChurnRiskBand.High),
                overview.Customers == 0 ? 0 : (double)scoreSum / overview.Customers);
        }
        return overview.Cohorts.Where(t => t.Dimension == cohort.Dimension).SelectMany(t => t.Rows).FirstOrDefault(r => r.Cohort == cohort)
            ?? new ChurnCohortRow(cohort, "", 0, 0, 0, 0);
    }

    public async Task<ChurnMembersPage> GetMembersAsync(ClaimsPrincipal user, ChurnMemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > ChurnMemberQuery.MaxPageSize)
            throw new DomainException($"A page holds 1 to {ChurnMemberQuery.MaxPageSize} customers, not {query.PageSize}.");
        if (query.Page < 0)
            throw new DomainException($"Pages count from 0, not {query.Page}.");
        var masked = !(await authorization.AuthorizeAsync(user, AreaPolicies.CustomersUnmasked)).Succeeded;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await ChurnQueries.CurrentRunAsync(db, cancellationToken);
        if (run is null)
            return new ChurnMembersPage(0, [], masked);
        var described = await DescribeAsync(db, query.Cohort, cancellationToken);
        var members = ChurnQueries.Counted(db, run.Info.Id).InCohort(query.Cohort, described.SegmentId, clock.GetUtcNow().UtcDateTime);
        if (query.Band is { } band)
            members = members.Where(x => x.Score.ChurnRiskBand == band);

        // The count is the overview's (no second pass over the scores); when the page runs short, the end is known exactly.
        var overview = await overviews.GetOverviewAsync(cancellationToken);
        var counts = overview is null ? null : Counts(overview, query.Cohort);
        var total = counts is null ? 0 : query.Band switch
        {
            ChurnRiskBand.High => counts.High,
            ChurnRiskBand.Medium => counts.Medium,
            ChurnRiskBand.Low => counts.Low,
            _ => counts.Customers,
        };
        var rows = await Sorted(members, query.SortBy, query.Descending)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(x => new
            {
                x.Customer.Id,
                x.Customer.ExternalId,
                x.Customer.FirstName,
                x.Customer.LastName,
                x.Score.ChurnScore,
                x.Score.ChurnRiskBand,
                x.Score.ChurnReasonsJson,
                x.Score.PredictedLifetimeValue,
                x.Score.DaysSinceLastPurchase,
            })
            .ToListAsync(cancellationToken);
        var skipped = query.Page * query.PageSize;
        if (rows.Count < query.PageSize && (rows.Count > 0 || query.Page == 0))
            total = skipped + rows.Count;
        else if (rows.Count == query.PageSize)
            total = Math.Max(total, skipped + rows.Count);
        var cutoff = run.Info.Cutoff;
        return new ChurnMembersPage(total, rows.Select(r =>
        {
            var name = $"{r.FirstName} {r.LastName}".Trim();
            return new ChurnMemberRow(r.Id, r.ExternalId, masked ? PersonalDataMask.Name(name) : name, r.ChurnScore, r.ChurnRiskBand,
                StoredScoreJson.Sentences(r.ChurnReasonsJson), r.PredictedLifetimeValue,
                r.DaysSinceLastPurchase is { } days ? cutoff.AddDays(-days) : null);
        }).ToList(), masked);
    }

    public async Task<CohortAudienceCreated> CreateAudienceAsync(ClaimsPrincipal user, ChurnCohort cohort, ChurnRiskBand band, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(cohort);
        if (!(await authorization.AuthorizeAsync(user, AreaPolicies.ChurnEdit)).Succeeded)
            throw new UnauthorizedAccessException(ReadOnlyMessage);
        if (!Enum.IsDefined(band))
            throw new DomainException($"'{band}' is not a risk band; use Low, Medium or High.");

        string name;
        AudienceRules rules;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var described = await DescribeAsync(db, cohort, cancellationToken);
            if (described.CannotActBecause is { } reason)
                throw new DomainException(reason);
            rules = AudienceRules.Of(AudienceRuleGroup.All([AudienceCondition.Of(AudienceFieldCatalog.RiskBand, AudienceOperator.Is, band.ToString()), .. described.Conditions]));
            name = await FreeNameAsync(db, $"{band} churn risk · {described.Heading}", cancellationToken);
        }
        var createdBy = user.Identity?.Name ?? "unknown";
        var saved = await audiences.CreateAsync(name, rules, createdBy, cancellationToken);
        var size = await audiences.EvaluateSavedAsync(saved.Id, 0, cancellationToken);
        return new CohortAudienceCreated(saved.Id, saved.Name, size.Size.Customers, Summary(rules));
    }

    private static IQueryable<ScoredCustomer> Sorted(IQueryable<ScoredCustomer> members, ChurnMemberSort sort, bool descending) => (sort, descending) switch
    {
        (ChurnMemberSort.LifetimeValue, true) => members.OrderByDescending(x => x.Score.PredictedLifetimeValue).ThenBy(x => x.Customer.Id),
        (ChurnMemberSort.LifetimeValue, false) => members.OrderBy(x => x.Score.PredictedLifetimeValue).ThenBy(x => x.Customer.Id),
        // The latest purchase first is the fewest days since it; customers who never bought come last either way.
        (ChurnMemberSort.LastPurchase, true) => members.OrderBy(x => x.Score.DaysSinceLastPurchase == null).ThenBy(x => x.Score.DaysSinceLastPurchase).ThenBy(x => x.Customer.Id),
        (ChurnMemberSort.LastPurchase, false) => members.OrderBy(x => x.Score.DaysSinceLastPurchase == null).ThenByDescending(x => x.Score.DaysSinceLastPurchase).ThenBy(x => x.Customer.Id),
        (ChurnMemberSort.ExternalId, true) => members.OrderByDescending(x => x.Customer.ExternalId),
        (ChurnMemberSort.ExternalId, false) => members.OrderBy(x => x.Customer.ExternalId),
        (_, false) => members.OrderBy(x => x.Score.ChurnScore).ThenBy(x => x.Customer.Id),
        _ => members.OrderByDescending(x => x.Score.ChurnScore).ThenBy(x => x.Customer.Id),
    };

    /// <summary>The cohort's words and the audience conditions that select it; a tier or segment that does not exist is refused.</summary>
    private static async Task<DescribedCohort> DescribeAsync(LoyaltyDbContext db, ChurnCohort cohort, CancellationToken cancellationToken)
    {
        switch (cohort.Dimension)
        {
            case ChurnCohortDimension.Tenure:
                var band = TenureBand.Find(cohort.Key) ?? throw new DomainException($"'{cohort.Key}' is not a tenure band.");
                List<AudienceCondition> tenure = [];
                if (band.FromMonths > 0)
                    tenure.Add(AudienceCondition.Of(AudienceFieldCatalog.MemberForMonths, AudienceOperator.AtLeast, band.FromMonths.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (band.ToMonths is { } to)
                    tenure.Add(AudienceCondition.Of(AudienceFieldCatalog.MemberForMonths, AudienceOperator.LessThan, to.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return new DescribedCohort($"members for {Lower(band.Label)}", "Months since signing up, counted from today.", null, tenure, null);
            case ChurnCohortDimension.MicroSegment:
                if (string.Equals(cohort.Key, ChurnCohort.NoSegmentKey, StringComparison.OrdinalIgnoreCase))
                    return new DescribedCohort("no micro-segment", "Customers the current run put in no micro-segment.", null, [],
                        "An audience rule cannot select customers who are in no micro-segment.");
                var segment = await db.Segments.AsNoTracking()
                    .Where(s => s.Kind == SegmentKind.Micro && s.Key == cohort.Key)
                    .Select(s => new { s.Id, s.Key, s.Name, s.Description })
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException($"There is no micro-segment '{cohort.Key}'; it may have been retired and removed.");
                return new DescribedCohort(segment.Name, segment.Description, segment.Id,
                    [AudienceCondition.Of(AudienceFieldCatalog.MicroSegment, AudienceOperator.Is, segment.Key)], null);
            case ChurnCohortDimension.Tier:
                var tier = await db.Tiers.AsNoTracking().Where(t => t.Code == cohort.Key).Select(t => new { t.Code, t.Name }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException($"There is no tier '{cohort.Key}'.");
                return new DescribedCohort($"{tier.Name} tier", "The loyalty tier held today.", null,
                    [AudienceCondition.Of(AudienceFieldCatalog.Tier, AudienceOperator.Is, tier.Code)], null);
            case ChurnCohortDimension.Channel:
                var channel = Enum.Parse<SalesChannel>(cohort.Key);
                return new DescribedCohort($"signed up {Lower(ChurnOverviewService.ChannelLabel(channel))}",
                    "The channel the customer signed up through.", null,
                    [AudienceCondition.Of(AudienceFieldCatalog.SignupChannel, AudienceOperator.Is, channel.ToString())], null);
            default:
                return new DescribedCohort("all customers", "Every customer scored by the current run.", null, [], null);
        }
    }

    private static string Lower(string label) => label.Length > 0 && !char.IsDigit(label[0]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>The name, or the name with " (2)", " (3)"... when taken (regardless of letter case), cut to the column's length.</summary>
    private static async Task<string> FreeNameAsync(LoyaltyDbContext db, string name, CancellationToken cancellationToken)
    {
        var maxLength = db.Model.FindEntityType(typeof(SavedAudience))?.FindProperty(nameof(SavedAudience.Name))?.GetMaxLength() ?? 200;
        var stem = name.Length > maxLength - 6 ? name[..(maxLength - 6)].TrimEnd() : name;
        // Compared in memory, as SavedAudienceService does: there are few audiences, and SQL's case folding differs by provider.
        var taken = (await db.SavedAudiences.AsNoTracking().Select(a => a.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        if (!taken.Contains(stem))
            return stem;
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem} ({n})";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    private static string Summary(AudienceRules rules) => string.Join(" and ", rules.Root.Conditions.Select(c =>
        $"{AudienceFieldCatalog.Find(c.Field)?.Label ?? c.Field} {AudienceFieldCatalog.Label(c.Operator)} {c.Value}"));

    /// <summary>A cohort in words (<see cref="Title"/> goes into audience names, <see cref="Heading"/> heads its page) and as audience conditions.</summary>
    private sealed record DescribedCohort(string Title, string Definition, long? SegmentId,
        IReadOnlyList<AudienceCondition> Conditions, string? CannotActBecause)
    {
        public string Heading => Title.Length == 0 ? Title : char.ToUpperInvariant(Title[0]) + Title[1..];
    }
}

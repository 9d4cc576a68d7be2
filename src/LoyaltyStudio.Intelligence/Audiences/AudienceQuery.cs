using System.Linq.Expressions;
using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// Audience rules as SQL: the candidates filtered by the rule tree, then counted and summed (or paged) by the database
/// in one statement. Rules that only customers with a current score can meet start from the current run's scores
/// (indexed by run) and look each customer up by key; other rules start from the customers with their score left-joined.
/// Nothing is evaluated on the client. (On SQLite money is a REAL column, so its sums and comparisons run in SQL too.)
/// </summary>
public static class AudienceQuery
{
    /// <summary>Every customer with their current-run score; the run is chosen by a subquery in the same statement.</summary>
    public static IQueryable<AudienceCandidate> Candidates(LoyaltyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from c in db.Customers.AsNoTracking()
               join s in CurrentScores(db) on c.Id equals s.CustomerId into scores
               from s in scores.DefaultIfEmpty()
               select new AudienceCandidate
               {
                   CustomerId = c.Id,
                   Customer = c,
                   Score = s,
                   EmailConsent = c.Consent.Email,
                   SmsConsent = c.Consent.Sms,
                   PushConsent = c.Consent.Push,
                   ProfilingConsent = c.Consent.Profiling,
               };
    }

    /// <summary>The customers the current run scored, each with that score: the candidates of rules that need a score.</summary>
    public static IQueryable<AudienceCandidate> ScoredCandidates(LoyaltyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from s in CurrentScores(db)
               join c in db.Customers.AsNoTracking() on s.CustomerId equals c.Id
               select new AudienceCandidate
               {
                   CustomerId = s.CustomerId,
                   Customer = c,
                   Score = s,
                   EmailConsent = c.Consent.Email,
                   SmsConsent = c.Consent.Sms,
                   PushConsent = c.Consent.Push,
                   ProfilingConsent = c.Consent.Profiling,
               };
    }

    /// <summary>
    /// The customers the rules select; <paramref name="now"/> anchors "days ago" and the affinity window. Starts from
    /// <see cref="ScoredCandidates"/> when <see cref="NeedsScore(ValidatedAudienceRules)"/> says every member has a current score, which selects
    /// the same customers as <see cref="Candidates"/> would.
    /// </summary>
    public static IQueryable<AudienceCandidate> Members(LoyaltyDbContext db, ValidatedAudienceRules rules, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var candidate = Expression.Parameter(typeof(AudienceCandidate), "candidate");
        var body = new AudienceFilterBuilder(db, now, candidate).Group(rules.Root);
        var candidates = NeedsScore(rules) ? ScoredCandidates(db) : Candidates(db);
        return candidates.Where(Expression.Lambda<Func<AudienceCandidate, bool>>(body, candidate));
    }

    /// <summary>
    /// True when only customers with a score in the current run can meet the rules: every condition on a score field
    /// (risk band, churn score, CLV, micro- and RFM segment) matches nobody without one, whatever its operator, so a
    /// group of all (AND) needs a score when any part does, a group of any (OR) when every part does.
    /// </summary>
    public static bool NeedsScore(ValidatedAudienceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return NeedsScore(rules.Root);
    }

    private static bool NeedsScore(ResolvedNode node) => node switch
    {
        ResolvedCondition c => AudienceFilterBuilder.NeedsScore(c.Field),
        ResolvedGroup { Match: AudienceMatch.All } g => g.Children.Any(NeedsScore),
        ResolvedGroup g => g.Children.Count > 0 && g.Children.All(NeedsScore),
        _ => false,
    };

    /// <summary>
    /// The members counted and their current-run lifetime value summed, split by profiling consent:
    /// at most two rows from one aggregate statement. (A split rather than a filtered aggregate because EF Core cannot
    /// follow the owned consent inside an aggregate's predicate, while it can group by it.)
    /// </summary>
    public static IQueryable<AudienceSizePart> SizeByProfilingConsent(IQueryable<AudienceCandidate> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members
            .GroupBy(r => r.ProfilingConsent)
            .Select(g => new AudienceSizePart(g.Key, g.Count(), g.Sum(r => r.Score != null ? r.Score.PredictedLifetimeValue : 0m)));
    }

    /// <summary>Runs <see cref="SizeByProfilingConsent"/> and adds up its rows; the lifetime value of customers without profiling consent is left out.</summary>
    public static async Task<AudienceSize> SizeAsync(IQueryable<AudienceCandidate> members, CancellationToken cancellationToken)
    {
        var parts = await SizeByProfilingConsent(members).ToListAsync(cancellationToken);
        return new AudienceSize(
            parts.Sum(p => p.Customers),
            parts.Where(p => p.ProfilingConsent).Sum(p => p.LifetimeValue),
            parts.Where(p => !p.ProfilingConsent).Sum(p => p.Customers));
    }

    /// <summary>The members' customer ids in id order, for paging a preview.</summary>
    public static IQueryable<long> CustomerIds(IQueryable<AudienceCandidate> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.OrderBy(r => r.CustomerId).Select(r => r.CustomerId);
    }

    private static IQueryable<Domain.Scoring.CustomerScore> CurrentScores(LoyaltyDbContext db) =>
        db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == db.ScoringRuns.Where(r => r.IsCurrent).Select(r => r.Id).FirstOrDefault());
}

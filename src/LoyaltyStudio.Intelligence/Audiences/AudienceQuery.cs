using System.Linq.Expressions;
using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// Audience rules as SQL: customers left-joined to their score in the current scoring run, filtered by the rule tree,
/// then counted and summed (or paged) by the database in one statement. Nothing is evaluated on the client.
/// </summary>
public static class AudienceQuery
{
    /// <summary>Every customer with their current-run score; the run is chosen by a subquery in the same statement.</summary>
    public static IQueryable<AudienceCandidate> Candidates(LoyaltyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var currentScores = db.CustomerScores.AsNoTracking()
            .Where(s => s.ScoringRunId == db.ScoringRuns.Where(r => r.IsCurrent).Select(r => r.Id).FirstOrDefault());
        return from c in db.Customers.AsNoTracking()
               join s in currentScores on c.Id equals s.CustomerId into scores
               from s in scores.DefaultIfEmpty()
               select new AudienceCandidate
               {
                   Customer = c,
                   Score = s,
                   EmailConsent = c.Consent.Email,
                   SmsConsent = c.Consent.Sms,
                   PushConsent = c.Consent.Push,
                   ProfilingConsent = c.Consent.Profiling,
               };
    }

    /// <summary>The customers the rules select; <paramref name="now"/> anchors "days ago" and the affinity window.</summary>
    public static IQueryable<AudienceCandidate> Members(LoyaltyDbContext db, ValidatedAudienceRules rules, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var candidate = Expression.Parameter(typeof(AudienceCandidate), "candidate");
        var body = new AudienceFilterBuilder(db, now, candidate).Group(rules.Root);
        return Candidates(db).Where(Expression.Lambda<Func<AudienceCandidate, bool>>(body, candidate));
    }

    /// <summary>
    /// The members counted and their current-run lifetime value summed, split by profiling consent: at most two rows
    /// from one aggregate statement. (A split rather than a filtered aggregate because EF Core cannot follow the owned
    /// consent inside an aggregate's predicate, while it can group by it.)
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
        return members.OrderBy(r => r.Customer.Id).Select(r => r.Customer.Id);
    }
}

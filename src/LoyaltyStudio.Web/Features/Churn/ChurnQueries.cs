using System.Linq.Expressions;
using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>A customer's score in one run beside the customer, with the profiling consent copied out so aggregates can group and filter on it.</summary>
internal sealed class ScoredCustomer
{
    public CustomerScore Score { get; init; } = null!;

    public Customer Customer { get; init; } = null!;

    public bool Profiling { get; init; }
}

/// <summary>The facts a cohort is made of, one row per counted customer, for the single grouped query behind every cohort table.</summary>
internal sealed class CohortFacts
{
    public string TierCode { get; init; } = "";

    public SalesChannel Channel { get; init; }

    public int Tenure { get; init; }

    public long? MicroSegmentId { get; init; }

    public ChurnRiskBand Band { get; init; }

    public int ChurnScore { get; init; }
}

/// <summary>The current run as the churn pages need it.</summary>
internal sealed record CurrentChurnRun(ChurnRunInfo Info, ChurnRiskThresholds Thresholds, string ModelVersionsJson);

/// <summary>
/// The query pieces every churn page shares, so the overview, a cohort's member list and the audience made from it
/// count exactly the same customers: the current run's scores of customers who consented to profiling (the audience
/// rules never use the scores of the others), cut into cohorts with the same comparisons the audience fields use.
/// </summary>
internal static class ChurnQueries
{
    public static async Task<CurrentChurnRun?> CurrentRunAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.ScoringRuns.AsNoTracking().Where(r => r.IsCurrent)
            .Select(r => new { r.Id, r.CutoffDate, r.FinishedAt, r.MediumRiskFrom, r.HighRiskFrom, r.ModelVersionsJson })
            .FirstOrDefaultAsync(cancellationToken);
        return run is null
            ? null
            : new CurrentChurnRun(new ChurnRunInfo(run.Id, run.CutoffDate, run.FinishedAt),
                new ChurnRiskThresholds(run.MediumRiskFrom, run.HighRiskFrom), run.ModelVersionsJson);
    }

    /// <summary>Every score of run <paramref name="runId"/> with its customer.</summary>
    public static IQueryable<ScoredCustomer> Scored(LoyaltyDbContext db, long runId) =>
        from s in db.CustomerScores.AsNoTracking()
        where s.ScoringRunId == runId
        join c in db.Customers.AsNoTracking() on s.CustomerId equals c.Id
        select new ScoredCustomer { Score = s, Customer = c, Profiling = c.Consent.Profiling };

    /// <summary>The scores the churn pages count: those of customers who consented to profiling.</summary>
    public static IQueryable<ScoredCustomer> Counted(LoyaltyDbContext db, long runId) => Scored(db, runId).Where(x => x.Profiling);

    /// <summary>
    /// Narrows to one cohort. <paramref name="microSegmentId"/> is the id of the cohort's micro-segment (null for the
    /// customers in none); tenure is counted back from <paramref name="now"/> as the audience field "Member for (months)" does.
    /// </summary>
    public static IQueryable<ScoredCustomer> InCohort(this IQueryable<ScoredCustomer> query, ChurnCohort cohort, long? microSegmentId, DateTime now)
    {
        switch (cohort.Dimension)
        {
            case ChurnCohortDimension.Tenure:
                var band = TenureBand.Find(cohort.Key) ?? throw new DomainException($"'{cohort.Key}' is not a tenure band.");
                if (band.FromMonths > 0)
                {
                    var joinedBy = now.AddMonths(-band.FromMonths);
                    query = query.Where(x => x.Customer.SignupDate <= joinedBy);
                }
                if (band.ToMonths is { } to)
                {
                    var joinedAfter = now.AddMonths(-to);
                    query = query.Where(x => x.Customer.SignupDate > joinedAfter);
                }
                return query;
            case ChurnCohortDimension.MicroSegment:
                return microSegmentId is { } id
                    ? query.Where(x => x.Score.MicroSegmentId == id)
                    : query.Where(x => x.Score.MicroSegmentId == null);
            case ChurnCohortDimension.Tier:
                var code = cohort.Key;
                return query.Where(x => x.Customer.TierCode == code);
            case ChurnCohortDimension.Channel:
                var channel = Enum.Parse<SalesChannel>(cohort.Key);
                return query.Where(x => x.Customer.SignupChannel == channel);
            default:
                return query;
        }
    }

    /// <summary>
    /// Each counted customer's cohort facts; the tenure band index is a CASE over the signup date with one parameter
    /// per band boundary (the boundaries move with <paramref name="now"/>, the SQL does not).
    /// </summary>
    public static IQueryable<CohortFacts> Facts(IQueryable<ScoredCustomer> counted, DateTime now)
    {
        var x = Expression.Parameter(typeof(ScoredCustomer), "x");
        var signup = Expression.Property(Expression.Property(x, nameof(ScoredCustomer.Customer)), nameof(Customer.SignupDate));
        Expression tenure = Expression.Constant(TenureBand.All.Count - 1);
        for (var i = TenureBand.All.Count - 2; i >= 0; i--)
        {
            var joinedAfter = now.AddMonths(-TenureBand.All[i].ToMonths!.Value);
            tenure = Expression.Condition(Expression.GreaterThan(signup, Captured(joinedAfter)), Expression.Constant(i), tenure);
        }
        Expression<Func<ScoredCustomer, int, CohortFacts>> template = (s, t) => new CohortFacts
        {
            TierCode = s.Customer.TierCode,
            Channel = s.Customer.SignupChannel,
            Tenure = t,
            MicroSegmentId = s.Score.MicroSegmentId,
            Band = s.Score.ChurnRiskBand,
            ChurnScore = s.Score.ChurnScore,
        };
        var body = new Replace(template.Parameters[1], tenure).Visit(new Replace(template.Parameters[0], x).Visit(template.Body));
        return counted.Select(Expression.Lambda<Func<ScoredCustomer, CohortFacts>>(body, x));
    }

    /// <summary>The churn model version the run's record names, or null when it names none.</summary>
    public static int? ChurnModelVersion(string modelVersionsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(modelVersionsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(nameof(ModelKind.Churn), out var version)
                && version.TryGetInt32(out var number)
                    ? number
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A closure member, not a constant: EF Core sends it as a parameter and keeps one cached plan.
    private static Expression Captured<T>(T value)
    {
        Expression<Func<T>> holder = () => value;
        return holder.Body;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

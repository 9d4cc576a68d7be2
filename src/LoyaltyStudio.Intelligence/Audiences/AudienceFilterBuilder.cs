using System.Linq.Expressions;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using F = LoyaltyStudio.Intelligence.Audiences.AudienceFieldCatalog;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>
/// Turns a checked rule tree into one predicate over <see cref="AudienceCandidate"/> that EF Core translates to SQL:
/// attribute tests become column comparisons, order facts become correlated subqueries on the orders, and every value
/// is captured in a closure so that it reaches the database as a parameter (one cached plan per rule shape).
/// </summary>
internal sealed class AudienceFilterBuilder(LoyaltyDbContext db, DateTime now, ParameterExpression candidate)
{
    /// <summary>
    /// True when a condition on <paramref name="field"/> matches no customer without a current score, whatever its
    /// operator: the score fields, guarded below. (A category affinity is a profile field read from the orders.)
    /// </summary>
    public static bool NeedsScore(AudienceField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IsProfile && field.Key != F.CategoryAffinity;
    }

    public Expression Group(ResolvedGroup group)
    {
        var parts = group.Children.Select(Node).ToList();
        if (parts.Count == 0)
            return Expression.Constant(group.Match == AudienceMatch.All);
        return group.Match == AudienceMatch.All ? parts.Aggregate(Expression.AndAlso) : parts.Aggregate(Expression.OrElse);
    }

    private Expression Node(ResolvedNode node) => node switch
    {
        ResolvedGroup group => Group(group),
        ResolvedCondition condition => Condition(condition),
        _ => throw new InvalidOperationException($"Unknown rule node {node.GetType().Name}."),
    };

    private Expression Condition(ResolvedCondition c)
    {
        var test = c.Field.Key switch
        {
            F.RiskBand => Membership(c, c.Texts.Select(t => RiskBandIs(Enum.Parse<ChurnRiskBand>(t)))),
            F.ChurnScore => Compare(r => r.Score!.ChurnScore, c.Operator, (int)c.Amount),
            F.LifetimeValue => Compare(r => r.Score!.PredictedLifetimeValue, c.Operator, c.Amount),
            F.MicroSegment => Membership(c, c.Ids.Select(MicroSegmentIs)),
            F.RfmSegment => Membership(c, c.Ids.Select(RfmSegmentIs)),
            F.Tier => Membership(c, c.Texts.Select(TierIs)),
            F.Region => Membership(c, c.Texts.Select(RegionIs)),
            F.AgeBand => Membership(c, c.Texts.Select(t => AgeBandIs(Enum.Parse<AgeBand>(t)))),
            F.SignupChannel => Membership(c, c.Texts.Select(t => SignupChannelIs(Enum.Parse<SalesChannel>(t)))),
            F.MemberForMonths => MemberFor(c.Operator, (int)c.Amount),
            F.BoughtInChannel => Membership(c, c.Texts.Select(t => BoughtIn(Enum.Parse<SalesChannel>(t)))),
            F.LastPurchaseDaysAgo => LastPurchase(c.Operator, (int)c.Amount),
            F.CategoryAffinity => CategoryAffinity(c.Operator, c.CategoryId, c.Amount),
            F.EmailConsent => Consent(r => r.EmailConsent, c.Flag),
            F.SmsConsent => Consent(r => r.SmsConsent, c.Flag),
            F.PushConsent => Consent(r => r.PushConsent, c.Flag),
            F.ProfilingConsent => Consent(r => r.ProfilingConsent, c.Flag),
            _ => throw new AudienceRulesException($"Condition {c.Number}: '{c.Field.Label}' cannot be evaluated by this version."),
        };
        // Scores and segments of customers who refused profiling are never used: such a customer matches no
        // condition on them, whichever the operator ("risk band is not High" does not match them either).
        if (!c.Field.IsProfile)
            return test;
        var guard = NeedsScore(c.Field)
            ? On(r => r.Score != null && r.ProfilingConsent)
            : On(r => r.ProfilingConsent);
        return Expression.AndAlso(guard, test);
    }

    private static Expression Membership(ResolvedCondition c, IEnumerable<Expression> equalities)
    {
        var any = equalities.Aggregate(Expression.OrElse);
        return c.Operator == AudienceOperator.IsNot ? Expression.Not(any) : any;
    }

    private Expression RiskBandIs(ChurnRiskBand band) => On(r => r.Score!.ChurnRiskBand == band);

    private Expression MicroSegmentIs(long id) => On(r => r.Score!.MicroSegmentId == id);

    private Expression RfmSegmentIs(long id) => On(r => r.Score!.RfmSegmentId == id);

    private Expression TierIs(string code) => On(r => r.Customer.TierCode == code);

    private Expression RegionIs(string region) => On(r => r.Customer.Region == region);

    private Expression AgeBandIs(AgeBand band) => On(r => r.Customer.AgeBand == band);

    private Expression SignupChannelIs(SalesChannel channel) => On(r => r.Customer.SignupChannel == channel);

    // Like days ago: "member for at least N months" is "signed up on or before now − N months": a plain comparison of
    // the signup date with a parameter, and the same comparisons the churn page's tenure cohorts are counted with.
    private BinaryExpression MemberFor(AudienceOperator op, int months)
    {
        var signedUp = On(r => r.Customer.SignupDate);
        var threshold = Captured(now.AddMonths(-months));
        return op switch
        {
            AudienceOperator.GreaterThan => Expression.LessThan(signedUp, threshold),
            AudienceOperator.AtLeast => Expression.LessThanOrEqual(signedUp, threshold),
            AudienceOperator.LessThan => Expression.GreaterThan(signedUp, threshold),
            AudienceOperator.AtMost => Expression.GreaterThanOrEqual(signedUp, threshold),
            _ => throw Unsupported(op, F.MemberForMonths),
        };
    }

    private Expression BoughtIn(SalesChannel channel)
    {
        var orders = db.Orders;
        return On(r => orders.Any(o => o.CustomerId == r.CustomerId && o.Channel == channel));
    }

    private BinaryExpression Consent(Expression<Func<AudienceCandidate, bool>> consent, bool granted) =>
        Expression.Equal(On(consent), Captured(granted));

    // Days ago grow as dates shrink, so "more than N days ago" is "latest order before now − N days". A customer
    // without orders has no latest order (NULL) and so matches none of these.
    private BinaryExpression LastPurchase(AudienceOperator op, int days)
    {
        var orders = db.Orders;
        var latest = On(r => orders.Where(o => o.CustomerId == r.CustomerId).Max(o => (DateTime?)o.OrderedAt));
        var threshold = Captured((DateTime?)now.AddDays(-days));
        return op switch
        {
            AudienceOperator.GreaterThan => Expression.LessThan(latest, threshold),
            AudienceOperator.AtLeast => Expression.LessThanOrEqual(latest, threshold),
            AudienceOperator.LessThan => Expression.GreaterThan(latest, threshold),
            AudienceOperator.AtMost => Expression.GreaterThanOrEqual(latest, threshold),
            _ => throw Unsupported(op, F.LastPurchaseDaysAgo),
        };
    }

    // Share of spend = category spend / all spend over the window, compared as 100 × category spend OP percent × all
    // spend so that SQL never divides and the percentage keeps its two decimals in a decimal(18,2) parameter;
    // customers who spent nothing in the window have no share and match nothing. Each candidate costs three correlated
    // sums over its orders in the window (found through the orders' (CustomerId, OrderedAt) index), one of them through
    // the order lines and products.
    private BinaryExpression CategoryAffinity(AudienceOperator op, int categoryId, decimal percent)
    {
        var orders = db.Orders;
        var products = db.Products;
        var start = now.AddDays(-F.AffinityWindowDays);
        var end = now;
        var categorySpend = On(r =>
            (from o in orders
             where o.CustomerId == r.CustomerId && o.OrderedAt >= start && o.OrderedAt < end
             from l in o.Lines
             join p in products on l.ProductId equals p.Id
             where p.CategoryId == categoryId
             select l.LineTotal).Sum() * 100m);
        var shareOfSpend = On(r => orders.Where(o => o.CustomerId == r.CustomerId && o.OrderedAt >= start && o.OrderedAt < end)
            .Sum(o => o.Total) * percent);
        var spent = On(r => orders.Where(o => o.CustomerId == r.CustomerId && o.OrderedAt >= start && o.OrderedAt < end)
            .Sum(o => o.Total) > 0);
        return Expression.AndAlso(spent, Comparison(op, categorySpend, shareOfSpend, F.CategoryAffinity));
    }

    private BinaryExpression Compare<T>(Expression<Func<AudienceCandidate, T>> selector, AudienceOperator op, T value) =>
        Comparison(op, On(selector), Captured(value), selector.ToString());

    private static BinaryExpression Comparison(AudienceOperator op, Expression left, Expression right, string what) => op switch
    {
        AudienceOperator.Is => Expression.Equal(left, right),
        AudienceOperator.GreaterThan => Expression.GreaterThan(left, right),
        AudienceOperator.AtLeast => Expression.GreaterThanOrEqual(left, right),
        AudienceOperator.LessThan => Expression.LessThan(left, right),
        AudienceOperator.AtMost => Expression.LessThanOrEqual(left, right),
        _ => throw Unsupported(op, what),
    };

    private static InvalidOperationException Unsupported(AudienceOperator op, string what) =>
        new($"'{op}' reached the SQL translation of {what}; the validator should have refused it.");

    private Expression On<T>(Expression<Func<AudienceCandidate, T>> lambda) => ParameterReplacer.Body(lambda, candidate);

    // A closure member, not a constant: EF Core sends it as a parameter.
    private static Expression Captured<T>(T value)
    {
        Expression<Func<T>> holder = () => value;
        return holder.Body;
    }
}

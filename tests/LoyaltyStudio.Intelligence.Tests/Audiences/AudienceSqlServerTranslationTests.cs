using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static LoyaltyStudio.Intelligence.Audiences.AudienceOperator;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>SQL Server cannot run here, so audience queries are translated (never executed) with its provider: one statement, no client evaluation.</summary>
public class AudienceSqlServerTranslationTests(ITestOutputHelper output)
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly AudienceReferenceData Reference = new(
        [new AudienceSegmentOption(1, SegmentKind.Rfm, "rfm:champions", "Champions", false), new AudienceSegmentOption(2, SegmentKind.Micro, "micro:7", "Coffee regulars", false)],
        [new AudienceTierOption("GOLD", "Gold"), new AudienceTierOption("SILVER", "Silver")],
        [new AudienceCategoryOption(3, "coffee", "Coffee")],
        ["North"]);

    private static LoyaltyDbContext SqlServer() =>
        new LoyaltyDbContextFactory(DatabaseProvider.SqlServer,
            "Server=tcp:sql.invalid,1433;Database=Loyalty;User Id=loyalty;Password=never-used;TrustServerCertificate=true").CreateDbContext();

    private static IQueryable<AudienceCandidate> Members(LoyaltyDbContext db, AudienceRuleGroup root) =>
        AudienceQuery.Members(db, AudienceRuleValidator.Validate(AudienceRules.Of(root), Reference), Now);

    private static readonly AudienceRuleGroup EveryField = new AudienceRuleGroup { Match = AudienceMatch.Any }.With(
        AudienceRuleGroup.All(
            AudienceCondition.Of("riskBand", Is, "High"), AudienceCondition.Of("clv", GreaterThan, "500"), AudienceCondition.Of("consentEmail", Is, "yes"),
            AudienceCondition.Of("churnScore", AtLeast, "70"), AudienceCondition.OneOf("tier", "GOLD", "SILVER"), AudienceCondition.Of("region", IsNot, "North"),
            AudienceCondition.Of("ageBand", Is, "Under25"), AudienceCondition.Of("microSegment", IsNot, "micro:7"),
            AudienceCondition.Of("signupChannel", Is, "App"), AudienceCondition.Of("memberForMonths", AtLeast, "12"),
            AudienceCondition.Of("consentSms", Is, "no"), AudienceCondition.Of("consentPush", Is, "no"), AudienceCondition.Of("consentProfiling", Is, "yes")),
        AudienceRuleGroup.All(AudienceCondition.Of("rfmSegment", Is, "rfm:champions"), AudienceCondition.Of("boughtInChannel", IsNot, "Store"))
            .With(AudienceRuleGroup.Any(
                AudienceCondition.Of("lastPurchaseDaysAgo", GreaterThan, "90"),
                new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "coffee" })));

    // Either side of the OR holds a score condition, so only scored customers can match: the statement starts from the
    // current run's scores and joins each one's customer.
    [Fact]
    public void Count_and_lifetime_value_of_a_rule_tree_over_every_field_translate_to_one_aggregate_statement()
    {
        using var db = SqlServer();

        var sql = AudienceQuery.SizeByProfilingConsent(Members(db, EveryField)).ToQueryString();
        output.WriteLine(sql);

        Assert.Contains("FROM [CustomerScores]", sql, StringComparison.Ordinal);
        Assert.Contains("INNER JOIN [Customers]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.Contains("[IsCurrent] = CAST(1 AS bit)", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
        Assert.Contains("[PredictedLifetimeValue]", sql, StringComparison.Ordinal);
        Assert.Contains("SUM(", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [c0].[ConsentProfiling]", sql, StringComparison.Ordinal);
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.Contains("MAX([", sql, StringComparison.Ordinal);
        Assert.Contains("[CategoryId] = @", sql, StringComparison.Ordinal);
        // Values travel as parameters, so each rule shape is one cached plan.
        Assert.Contains("[TierCode] = @", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[TierCode] = N'GOLD'", sql, StringComparison.Ordinal);
        Assert.Contains("[SignupChannel] = @", sql, StringComparison.Ordinal);
        Assert.Contains("[SignupDate] <= @", sql, StringComparison.Ordinal);
    }

    // An OR with a side that needs no score (e-mail consent) can match customers the run did not score: all customers,
    // their score left-joined.
    [Fact]
    public void Rules_that_customers_without_a_score_can_meet_start_from_every_customer()
    {
        using var db = SqlServer();
        var root = AudienceRuleGroup.Any(AudienceCondition.Of("riskBand", Is, "High"), AudienceCondition.Of("consentEmail", Is, "yes"))
            .With(AudienceRuleGroup.All(new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "coffee" }));

        var sql = AudienceQuery.SizeByProfilingConsent(Members(db, root)).ToQueryString();
        output.WriteLine(sql);

        Assert.Contains("FROM [Customers]", sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [c].[ConsentProfiling]", sql, StringComparison.Ordinal);
        Assert.Contains("[CategoryId] = @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_page_translates_to_an_ordered_page_of_customer_ids()
    {
        using var db = SqlServer();

        var scored = AudienceQuery.CustomerIds(Members(db, EveryField)).Skip(20).Take(20).ToQueryString();
        var everyone = AudienceQuery.CustomerIds(Members(db, AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "GOLD")))).Skip(20).Take(20).ToQueryString();

        Assert.Contains("ORDER BY [c].[CustomerId]", scored, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[Id]", everyone, StringComparison.Ordinal);
        Assert.Contains("OFFSET", scored, StringComparison.Ordinal);
    }
}

using LoyaltyStudio.Intelligence.Audiences;
using static LoyaltyStudio.Intelligence.Audiences.AudienceOperator;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>Each field and operator on the hand-built shop (see <see cref="AudienceTestShop"/>): who matches and their CLV sum, worked out by hand.</summary>
public sealed class AudienceEvaluationTests : IAsyncLifetime
{
    private AudienceTestShop _shop = null!;
    private SavedAudienceService _service = null!;

    public async Task InitializeAsync()
    {
        _shop = await AudienceTestShop.CreateAsync();
        _service = new SavedAudienceService(_shop.Database.Factory, _shop.Clock);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private async Task<(string Names, decimal LifetimeValue, AudienceSize Size)> EvaluateAsync(AudienceRuleGroup root)
    {
        var result = await _service.EvaluateAsync(AudienceRules.Of(root), SavedAudienceService.MaxPreview);
        Assert.Equal(result.Size.Customers, result.PreviewCustomerIds.Count);
        return (_shop.Names(result.PreviewCustomerIds), result.Size.LifetimeValue, result.Size);
    }

    private static AudienceCondition Condition(string field, AudienceOperator op, string value, string? argument = null) =>
        op == IsOneOf
            ? new AudienceCondition { Field = field, Operator = op, Values = value.Split('|'), Argument = argument }
            : new AudienceCondition { Field = field, Operator = op, Value = value, Argument = argument };

    [Theory]
    // Dan is High but refused profiling; Eve was High only in the older run.
    [InlineData("riskBand", Is, "High", null, "Ada,Ben", 1000)]
    [InlineData("riskBand", IsNot, "High", null, "Cleo,Finn", 1150)]
    [InlineData("riskBand", IsOneOf, "medium|LOW", null, "Cleo,Finn", 1150)]
    [InlineData("churnScore", AtLeast, "75", null, "Ada,Ben", 1000)]
    [InlineData("churnScore", GreaterThan, "75", null, "Ada", 600)]
    [InlineData("churnScore", Is, "50", null, "Finn", 250)]
    [InlineData("churnScore", LessThan, "50", null, "Cleo", 900)]
    [InlineData("churnScore", AtMost, "50", null, "Cleo,Finn", 1150)]
    [InlineData("clv", GreaterThan, "500", null, "Ada,Cleo", 1500)]
    [InlineData("clv", AtLeast, "400", null, "Ada,Ben,Cleo", 1900)]
    [InlineData("clv", LessThan, "400", null, "Finn", 250)]
    [InlineData("clv", AtMost, "400.00", null, "Ben,Finn", 650)]
    [InlineData("microSegment", Is, "micro:1", null, "Ada,Cleo", 1500)]
    [InlineData("microSegment", IsNot, "micro:1", null, "Ben,Finn", 650)]
    [InlineData("microSegment", IsOneOf, "micro:1|micro:2", null, "Ada,Ben,Cleo", 1900)]
    [InlineData("rfmSegment", Is, "rfm:champions", null, "Cleo", 900)]
    [InlineData("rfmSegment", IsNot, "rfm:champions", null, "Ada,Ben,Finn", 1250)]
    [InlineData("tier", Is, "GOLD", null, "Ada,Cleo", 1500)]
    [InlineData("tier", IsNot, "GOLD", null, "Ben,Dan,Eve,Finn", 650)]
    [InlineData("tier", IsOneOf, "gold|Silver", null, "Ada,Ben,Cleo,Finn", 2150)]
    [InlineData("region", Is, "north", null, "Ada,Ben,Eve", 1000)]
    [InlineData("region", IsNot, "North", null, "Cleo,Dan,Finn", 1150)]
    [InlineData("ageBand", Is, "From25To34", null, "Ada,Cleo", 1500)]
    [InlineData("ageBand", IsOneOf, "Under25|Unknown", null, "Dan,Eve", 0)]
    [InlineData("signupChannel", Is, "Store", null, "Cleo,Dan", 900)]
    [InlineData("signupChannel", IsNot, "online", null, "Ben,Cleo,Dan,Eve", 1300)]
    [InlineData("signupChannel", IsOneOf, "App|Online", null, "Ada,Ben,Eve,Finn", 1250)]
    // Cleo signed up exactly 12 months ago: at least and at most 12, neither more nor less.
    [InlineData("memberForMonths", GreaterThan, "12", null, "Ada,Ben,Finn", 1250)]
    [InlineData("memberForMonths", AtLeast, "12", null, "Ada,Ben,Cleo,Finn", 2150)]
    [InlineData("memberForMonths", LessThan, "12", null, "Dan,Eve", 0)]
    [InlineData("memberForMonths", AtMost, "12", null, "Cleo,Dan,Eve", 900)]
    [InlineData("memberForMonths", LessThan, "3", null, "Dan", 0)]
    [InlineData("boughtInChannel", Is, "Store", null, "Ada,Dan", 600)]
    [InlineData("boughtInChannel", IsNot, "Online", null, "Ben,Dan,Eve,Finn", 650)]
    // Dan's only order is exactly 30 days old; Eve never ordered and matches no last-purchase condition.
    [InlineData("lastPurchaseDaysAgo", GreaterThan, "30", null, "Ben,Finn", 650)]
    [InlineData("lastPurchaseDaysAgo", AtLeast, "30", null, "Ben,Dan,Finn", 650)]
    [InlineData("lastPurchaseDaysAgo", LessThan, "30", null, "Ada,Cleo", 1500)]
    [InlineData("lastPurchaseDaysAgo", AtMost, "30", null, "Ada,Cleo,Dan", 1500)]
    // Cleo's 400-day-old coffee is outside the window (with it her coffee share would be 86 %); Dan refused profiling.
    [InlineData("categoryAffinity", AtLeast, "70", "coffee", "Ada", 600)]
    [InlineData("categoryAffinity", GreaterThan, "50", "coffee", "Ada,Finn", 850)]
    [InlineData("categoryAffinity", AtLeast, "50", "Coffee", "Ada,Cleo,Finn", 1750)]
    [InlineData("categoryAffinity", LessThan, "30", "tea", "Ada", 600)]
    [InlineData("categoryAffinity", AtLeast, "33.33", "tea", "Ben,Cleo,Finn", 1550)]
    [InlineData("categoryAffinity", AtLeast, "33.34", "tea", "Ben,Cleo", 1300)]
    [InlineData("categoryAffinity", AtMost, "50", "tea", "Ada,Cleo,Finn", 1750)]
    [InlineData("consentEmail", Is, "yes", null, "Ada,Ben,Dan,Eve", 1000)]
    [InlineData("consentEmail", Is, "no", null, "Cleo,Finn", 1150)]
    [InlineData("consentSms", Is, "true", null, "Cleo", 900)]
    [InlineData("consentPush", Is, "yes", null, "Eve", 0)]
    [InlineData("consentProfiling", Is, "no", null, "Dan", 0)]
    [InlineData("consentProfiling", Is, "yes", null, "Ada,Ben,Cleo,Eve,Finn", 2150)]
    public async Task Each_field_and_operator_selects_the_customers_worked_out_by_hand(
        string field, AudienceOperator op, string value, string? argument, string expectedNames, double expectedLifetimeValue)
    {
        var (names, lifetimeValue, _) = await EvaluateAsync(AudienceRuleGroup.All(Condition(field, op, value, argument)));

        Assert.Equal(expectedNames, names);
        Assert.Equal((decimal)expectedLifetimeValue, lifetimeValue);
    }

    [Fact]
    public async Task High_risk_valuable_emailable_or_champions_combines_an_and_group_with_an_or()
    {
        // (risk band = High AND CLV > 500 AND consent e-mail) OR (RFM segment = Champions)
        var root = new AudienceRuleGroup { Match = AudienceMatch.Any }.With(
            AudienceRuleGroup.All(
                Condition("riskBand", Is, "High"), Condition("clv", GreaterThan, "500"), Condition("consentEmail", Is, "yes")),
            AudienceRuleGroup.All(Condition("rfmSegment", Is, "rfm:champions")));

        var (names, lifetimeValue, _) = await EvaluateAsync(root);

        Assert.Equal("Ada,Cleo", names);
        Assert.Equal(1500m, lifetimeValue);
    }

    [Fact]
    public async Task Groups_nest_three_levels_deep()
    {
        // tier in (GOLD, SILVER) AND (region = South OR (churn score >= 75 AND bought in App))
        var root = AudienceRuleGroup.All(Condition("tier", IsOneOf, "GOLD|SILVER")).With(
            AudienceRuleGroup.Any(Condition("region", Is, "South")).With(
                AudienceRuleGroup.All(Condition("churnScore", AtLeast, "75"), Condition("boughtInChannel", Is, "App"))));

        var (names, lifetimeValue, _) = await EvaluateAsync(root);

        Assert.Equal("Ben,Cleo", names);
        Assert.Equal(1300m, lifetimeValue);
    }

    [Fact]
    public async Task Any_group_matches_either_condition()
    {
        var (names, lifetimeValue, _) = await EvaluateAsync(
            AudienceRuleGroup.Any(Condition("region", Is, "East"), Condition("ageBand", Is, "Under25")));

        Assert.Equal("Dan,Finn", names);
        Assert.Equal(250m, lifetimeValue);
    }

    [Fact]
    public async Task Customers_without_profiling_consent_match_no_score_condition_and_add_no_lifetime_value()
    {
        // Dan's current score is High / 90 / 1000 / champions, but he refused profiling: no score condition matches him,
        // not even a negated one, while attribute conditions still do and his CLV is left out of the sum.
        var negated = await EvaluateAsync(AudienceRuleGroup.All(Condition("riskBand", IsNot, "Low")));
        var byAttribute = await EvaluateAsync(AudienceRuleGroup.All(Condition("region", Is, "South")));

        Assert.DoesNotContain("Dan", negated.Names, StringComparison.Ordinal);
        Assert.Equal("Cleo,Dan", byAttribute.Names);
        Assert.Equal(900m, byAttribute.LifetimeValue);
        Assert.Equal(1, byAttribute.Size.WithoutProfilingConsent);
    }

    [Fact]
    public async Task Scores_of_a_run_that_is_not_current_are_ignored()
    {
        // The older run scored all six as High with CLV 10,000 in Champions; only the current run counts.
        var (names, lifetimeValue, _) = await EvaluateAsync(AudienceRuleGroup.All(Condition("clv", AtLeast, "5000")));
        var champions = await EvaluateAsync(AudienceRuleGroup.All(Condition("rfmSegment", Is, "rfm:champions")));

        Assert.Equal("", names);
        Assert.Equal(0m, lifetimeValue);
        Assert.Equal("Cleo", champions.Names);
    }

    [Fact]
    public async Task Without_a_current_run_score_conditions_match_nobody_and_attributes_still_work()
    {
        await using (var db = _shop.Database.CreateContext())
        {
            var current = db.ScoringRuns.Single(r => r.IsCurrent);
            current.Retire();
            await db.SaveChangesAsync();
        }

        var scored = await EvaluateAsync(AudienceRuleGroup.All(Condition("riskBand", IsOneOf, "Low|Medium|High")));
        var north = await EvaluateAsync(AudienceRuleGroup.All(Condition("region", Is, "North")));

        Assert.Equal(0, scored.Size.Customers);
        Assert.Equal(("Ada,Ben,Eve", 0m), (north.Names, north.LifetimeValue));
    }

    [Fact]
    public async Task An_or_with_a_side_that_needs_no_score_also_finds_customers_the_run_did_not_score()
    {
        // Eve has no current score and Dan refused profiling: both are Bronze, so the tier side finds them.
        var rules = AudienceRuleGroup.Any(Condition("riskBand", Is, "High"), Condition("tier", Is, "BRONZE"));

        var (names, lifetimeValue, size) = await EvaluateAsync(rules);

        Assert.False(await NeedsScoreAsync(rules));
        Assert.Equal(("Ada,Ben,Dan,Eve", 1000m, 1), (names, lifetimeValue, size.WithoutProfilingConsent));
    }

    public static TheoryData<string, AudienceRuleGroup, bool> Trees() => new()
    {
        { "risk band", AudienceRuleGroup.All(Condition("riskBand", IsNot, "Low")), true },
        { "CLV and e-mail", AudienceRuleGroup.All(Condition("clv", AtLeast, "400"), Condition("consentEmail", Is, "yes")), true },
        { "risk or segment", AudienceRuleGroup.Any(Condition("riskBand", Is, "High"), Condition("microSegment", IsNot, "micro:1")), true },
        { "region and (risk or churn score)", AudienceRuleGroup.All(Condition("region", Is, "North"))
            .With(AudienceRuleGroup.Any(Condition("riskBand", Is, "High"), Condition("churnScore", AtMost, "10"))), true },
        { "affinity", AudienceRuleGroup.All(Condition("categoryAffinity", AtLeast, "50", "coffee")), false },
        { "risk or region", AudienceRuleGroup.Any(Condition("riskBand", Is, "High"), Condition("region", Is, "South")), false },
    };

    // Rules only scored customers can meet start from the current run's scores; OR-ing in a condition that matches
    // nobody (e-mail yes and no) but needs no score makes the same rules start from every customer. Both must agree.
    [Theory]
    [MemberData(nameof(Trees))]
    public async Task Starting_from_the_scores_or_from_every_customer_selects_the_same_members(string what, AudienceRuleGroup root, bool needsScore)
    {
        var nobody = AudienceRuleGroup.All(Condition("consentEmail", Is, "yes"), Condition("consentEmail", Is, "no"));
        var fromEveryCustomer = new AudienceRuleGroup { Match = AudienceMatch.Any }.With(root, nobody);

        var direct = await EvaluateAsync(root);
        var widened = await EvaluateAsync(fromEveryCustomer);

        Assert.Equal(needsScore, await NeedsScoreAsync(root));
        Assert.False(await NeedsScoreAsync(fromEveryCustomer));
        Assert.True(direct.Names.Length > 0, what);
        Assert.Equal(direct, widened);
    }

    private async Task<bool> NeedsScoreAsync(AudienceRuleGroup root) =>
        AudienceQuery.NeedsScore(await _service.ValidateAsync(AudienceRules.Of(root)));

    [Fact]
    public async Task Preview_returns_the_first_customer_ids_in_id_order()
    {
        var result = await _service.EvaluateAsync(AudienceRules.Of(AudienceRuleGroup.All(Condition("consentEmail", Is, "yes"))), previewSize: 2);

        Assert.Equal(4, result.Size.Customers);
        Assert.Equal([_shop.CustomerIds["Ada"], _shop.CustomerIds["Ben"]], result.PreviewCustomerIds);
    }
}

using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using static LoyaltyStudio.Intelligence.Audiences.AudienceOperator;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>The rule tree's JSON form and the checks with their messages; no database needed.</summary>
public class AudienceRulesTests
{
    private static readonly AudienceReferenceData Reference = new(
        [new AudienceSegmentOption(1, SegmentKind.Rfm, "rfm:champions", "Champions", false), new AudienceSegmentOption(2, SegmentKind.Micro, "micro:7", "Coffee regulars", false)],
        [new AudienceTierOption("BRONZE", "Bronze"), new AudienceTierOption("GOLD", "Gold")],
        [new AudienceCategoryOption(3, "coffee", "Coffee")],
        ["North", "South"]);

    private static string ProblemsOf(params AudienceCondition[] conditions) =>
        Assert.Throws<AudienceRulesException>(() => AudienceRuleValidator.Validate(AudienceRules.Of(AudienceRuleGroup.All(conditions)), Reference)).Message;

    [Fact]
    public void Rules_survive_a_round_trip_through_json_with_their_version()
    {
        var rules = AudienceRules.Of(new AudienceRuleGroup { Match = AudienceMatch.Any }.With(
            AudienceRuleGroup.All(AudienceCondition.Of("riskBand", Is, "High"), AudienceCondition.Of("clv", GreaterThan, "500"))
                .With(AudienceRuleGroup.Any(new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "coffee" })),
            AudienceRuleGroup.All(AudienceCondition.OneOf("rfmSegment", "rfm:champions", "rfm:loyal"))));

        var json = AudienceRulesJson.Write(rules);
        var read = AudienceRulesJson.Read(json);

        Assert.StartsWith("""{"version":1,"root":{"match":"any",""", json, StringComparison.Ordinal);
        Assert.Contains("""{"field":"clv","operator":"greaterThan","value":"500"}""", json, StringComparison.Ordinal);
        Assert.Equal(json, AudienceRulesJson.Write(read));
        Assert.Equal(["rfm:champions", "rfm:loyal"], read.Root.Groups[1].Conditions[0].Values);
        Assert.Equal("coffee", read.Root.Groups[0].Groups[0].Conditions[0].Argument);
    }

    [Theory]
    [InlineData("""{"rules":[{"field":"consent.email","op":"eq","value":true}],"sample":0.4}""", "it is a flat list of rules ('rules', 'sample'), a format older than version 1")]
    [InlineData("""{"root":{"match":"all","conditions":[]}}""", "it carries no version number")]
    [InlineData("""{"version":2,"root":{"match":"all"}}""", "it was saved in format version 2 by a newer LoyaltyStudio; this version reads up to version 1")]
    [InlineData("""{"version":1,"root":{"match":"sometimes"}}""", "'root.match' holds \"sometimes\", which is not 'all' or 'any'")]
    [InlineData("""{"version":1,"root":{"match":"all","conditions":[{"field":"tier","op":"is","value":"GOLD"}]}}""",
        "'root.conditions[0]' has an entry 'op' that the format does not have (it has 'field', 'operator', 'value', 'values', 'argument')")]
    [InlineData("""{"version":1,"root":{"conditions":[{"field":"tier","operator":"eq","value":"GOLD"}]}}""",
        "'root.conditions[0].operator' holds \"eq\", which is not one of 'is', 'isNot', 'isOneOf', 'greaterThan', 'atLeast', 'lessThan', 'atMost'")]
    [InlineData("""{"version":"one","root":{}}""", "'version' holds \"one\", which is not a whole number")]
    [InlineData("""{"version":1,"root":{},"sample":0.4}""", "it has an entry 'sample' that the format does not have (it has 'version', 'root')")]
    [InlineData("""[1,2]""", "it holds a list where an object with a version and a root group belongs")]
    [InlineData("null", "it holds no rules (null)")]
    [InlineData("not json", "the stored text is not JSON (line 1, character ")]
    [InlineData("", "it has no rules")]
    public void Unreadable_rules_json_is_refused_with_a_plain_message_saying_what_is_wrong(string json, string expected)
    {
        var message = Assert.Throws<AudienceRulesException>(() => AudienceRulesJson.Read(json)).Message;

        Assert.StartsWith($"These audience rules are stored in a format this version cannot read: {expected}", message, StringComparison.Ordinal);
        foreach (var internals in new[] { ".NET", "LoyaltyStudio.Intelligence", "System.", "Path:", "BytePosition", "could not be mapped" })
            Assert.DoesNotContain(internals, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_of_a_saved_audience_that_cannot_be_read_are_refused_naming_the_audience()
    {
        var message = Assert.Throws<AudienceRulesException>(
            () => AudienceRulesJson.Read("""{"rules":[],"sample":0.4}""", "Win-back Q3")).Message;

        Assert.StartsWith("Audience 'Win-back Q3' is stored in a format this version cannot read: it is a flat list of rules", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_named_with_its_condition_number()
    {
        var message = ProblemsOf(AudienceCondition.Of("tier", Is, "GOLD"), AudienceCondition.Of("region", Is, "North"), AudienceCondition.Of("clv", GreaterThan, "abc"));

        Assert.Equal("Condition 3: 'CLV' needs a number, got 'abc'.", message);
    }

    [Theory]
    [InlineData("microSegment", Is, "micro:99", "Condition 1: unknown segment 'micro:99'.")]
    [InlineData("rfmSegment", Is, "micro:7", "Condition 1: 'micro:7' is not an RFM segment, so 'RFM segment' cannot test it.")]
    [InlineData("tier", Is, "PLATINUM", "Condition 1: unknown tier 'PLATINUM'; the tiers are BRONZE, GOLD.")]
    [InlineData("region", Is, "Nrth", "Condition 1: unknown region 'Nrth'; no customer lives there.")]
    [InlineData("riskBand", Is, "Hihg", "Condition 1: 'Churn risk band' is one of Low, Medium, High, not 'Hihg'.")]
    [InlineData("churnScore", AtLeast, "101", "Condition 1: 'Churn score' runs from 0 to 100, not 101.")]
    [InlineData("churnScore", AtLeast, "7.5", "Condition 1: 'Churn score' needs a whole number, got '7.5'.")]
    [InlineData("clv", GreaterThan, "-5", "Condition 1: 'CLV' cannot be below 0, got -5.")]
    [InlineData("clv", GreaterThan, "499.999", "Condition 1: 'CLV' takes at most two decimals, got '499.999'.")]
    [InlineData("clv", Is, "500", "Condition 1: 'CLV' cannot use 'is'; it allows '>', '≥', '<', '≤'.")]
    [InlineData("clv", GreaterThan, " ", "Condition 1: 'CLV' needs a value.")]
    [InlineData("consentEmail", Is, "maybe", "Condition 1: 'Consent: e-mail' needs yes or no, got 'maybe'.")]
    [InlineData("favouriteColour", Is, "red", "Condition 1: there is no field 'favouriteColour'")]
    public void Faulty_conditions_get_a_message_naming_the_condition(string field, AudienceOperator op, string value, string expected)
    {
        var message = ProblemsOf(AudienceCondition.Of(field, op, value));

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_affinity_needs_a_known_category()
    {
        var missing = ProblemsOf(AudienceCondition.Of("categoryAffinity", AtLeast, "30"));
        var unknown = ProblemsOf(new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "wine" });

        Assert.Equal("Condition 1: 'Category affinity (% of spend)' needs a category.", missing);
        Assert.Equal("Condition 1: unknown category 'wine'.", unknown);
    }

    [Fact]
    public void Every_fault_is_reported_not_only_the_first()
    {
        var error = Assert.Throws<AudienceRulesException>(() => AudienceRuleValidator.Validate(AudienceRules.Of(
            AudienceRuleGroup.All(AudienceCondition.Of("clv", GreaterThan, "abc")).With(
                AudienceRuleGroup.Any(AudienceCondition.Of("microSegment", Is, "micro:99")))), Reference));

        Assert.Equal(["Condition 1: 'CLV' needs a number, got 'abc'.", "Condition 2: unknown segment 'micro:99'."], error.Problems);
    }

    [Fact]
    public void Groups_nested_deeper_than_three_levels_and_empty_groups_are_refused()
    {
        var tooDeep = AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "GOLD")).With(
            AudienceRuleGroup.Any(AudienceCondition.Of("tier", Is, "GOLD")).With(
                AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "GOLD")).With(
                    AudienceRuleGroup.Any(AudienceCondition.Of("tier", Is, "GOLD")))));
        var withEmpty = AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "GOLD")).With(AudienceRuleGroup.Any());

        var deep = Assert.Throws<AudienceRulesException>(() => AudienceRuleValidator.Validate(AudienceRules.Of(tooDeep), Reference));
        var empty = Assert.Throws<AudienceRulesException>(() => AudienceRuleValidator.Validate(AudienceRules.Of(withEmpty), Reference));
        var none = Assert.Throws<AudienceRulesException>(() => AudienceRuleValidator.Validate(AudienceRules.Of(AudienceRuleGroup.All()), Reference));

        Assert.Equal(["Group 4 is nested 4 levels deep; groups nest at most 3 levels."], deep.Problems);
        Assert.Equal(["Group 2 is empty; add a condition to it or remove it."], empty.Problems);
        Assert.Equal(["The audience needs at least one condition."], none.Problems);
    }

    [Fact]
    public void Validation_normalises_names_to_their_stored_spelling()
    {
        var rules = AudienceRules.Of(AudienceRuleGroup.All(
            AudienceCondition.OneOf("TIER", "gold", "Bronze"), AudienceCondition.Of("riskBand", Is, "high"),
            new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "COFFEE" }));

        var validated = AudienceRuleValidator.Validate(rules, Reference);

        var conditions = validated.Rules.Root.Conditions;
        Assert.Equal("tier", conditions[0].Field);
        Assert.Equal(["GOLD", "BRONZE"], conditions[0].Values!);
        Assert.Equal("High", conditions[1].Value);
        Assert.Equal("coffee", conditions[2].Argument);
    }

    [Fact]
    public void Every_field_declares_a_label_operators_and_help_for_the_editor()
    {
        Assert.Equal(17, AudienceFieldCatalog.Fields.Count);
        Assert.All(AudienceFieldCatalog.Fields, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Label));
            Assert.NotEmpty(f.Operators);
            Assert.False(string.IsNullOrWhiteSpace(f.Help));
            Assert.Equal(f.ValueType == AudienceValueType.Choice, f.Choices.Count > 0);
        });
        Assert.Equal(["Low", "Medium", "High"], AudienceFieldCatalog.Find("riskBand")!.Choices);
        Assert.True(AudienceFieldCatalog.Find("clv")!.IsProfile);
        Assert.False(AudienceFieldCatalog.Find("tier")!.IsProfile);
        Assert.Equal(["Online", "App", "Store"], AudienceFieldCatalog.Find("signupChannel")!.Choices);
        Assert.False(AudienceFieldCatalog.Find("memberForMonths")!.IsProfile);
    }
}

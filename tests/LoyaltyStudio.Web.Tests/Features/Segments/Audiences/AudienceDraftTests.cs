using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

public sealed class AudienceDraftTests
{
    [Fact]
    public void Draft_numbers_conditions_and_groups_like_the_validator_and_round_trips_the_rules()
    {
        // (a AND b AND (c OR (d))) : conditions a=1, b=2, c=3, d=4; groups top=1, (c ...)=2, (d)=3.
        var rules = AudienceRules.Of(AudienceRuleGroup.All(
                AudienceCondition.Of(AudienceFieldCatalog.RiskBand, AudienceOperator.Is, "High"),
                AudienceCondition.Of(AudienceFieldCatalog.EmailConsent, AudienceOperator.Is, "yes"))
            .With(AudienceRuleGroup.Any(AudienceCondition.OneOf(AudienceFieldCatalog.Tier, "GOLD", "SILVER"))
                .With(AudienceRuleGroup.All(AudienceCondition.Of(AudienceFieldCatalog.LifetimeValue, AudienceOperator.AtLeast, "500")))));

        var draft = AudienceDraftGroup.From(rules.Root);

        Assert.Equal([1, 2], draft.Conditions.Select(c => c.Number));
        Assert.Equal(2, draft.Groups[0].Number);
        Assert.Equal(3, draft.Groups[0].Conditions[0].Number);
        Assert.Equal(3, draft.Groups[0].Groups[0].Number);
        Assert.Equal(4, draft.Groups[0].Groups[0].Conditions[0].Number);
        Assert.Equal(AudienceRulesJson.Write(rules), AudienceRulesJson.Write(draft.ToRules()));
    }

    [Fact]
    public void Problems_are_split_into_those_of_a_condition_a_group_and_the_rest()
    {
        string[] problems = ["Condition 2: 'CLV' needs a number, got 'x'.", "Condition 12: choose a field.", "Group 2 is empty; add a condition to it or remove it.", "The audience needs at least one condition."];

        Assert.Equal(["'CLV' needs a number, got 'x'."], AudienceDraftGroup.ProblemsOfCondition(problems, 2));
        Assert.Equal(["choose a field."], AudienceDraftGroup.ProblemsOfCondition(problems, 12));
        Assert.Empty(AudienceDraftGroup.ProblemsOfCondition(problems, 1));
        Assert.Equal(["Group 2 is empty; add a condition to it or remove it."], AudienceDraftGroup.ProblemsOfGroup(problems, 2));
        Assert.Equal(["The audience needs at least one condition."], AudienceDraftGroup.GeneralProblems(problems));
    }

    [Fact]
    public void Choosing_another_field_resets_operator_and_values()
    {
        var condition = new AudienceDraftCondition { Field = AudienceFieldCatalog.Tier, Operator = AudienceOperator.IsOneOf, Values = ["GOLD"] };

        condition.ChooseField(AudienceFieldCatalog.Find(AudienceFieldCatalog.EmailConsent));

        Assert.Equal((AudienceFieldCatalog.EmailConsent, AudienceOperator.Is, "yes"), (condition.Field, condition.Operator, condition.Value));
        Assert.Empty(condition.Values);
    }
}

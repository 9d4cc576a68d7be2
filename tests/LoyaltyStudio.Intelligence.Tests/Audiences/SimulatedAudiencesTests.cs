using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>The audiences the demo simulator writes for its past campaigns are ones the audience builder can read and evaluate.</summary>
[Collection(SimulatedLoyaltyDataGroup.Name)]
public sealed class SimulatedAudiencesTests(SimulatedLoyaltyData data)
{
    [Fact]
    public async Task Every_audience_the_simulator_writes_reads_validates_and_evaluates()
    {
        await using var db = data.Database.CreateContext();
        var stored = await db.SavedAudiences.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.RulesJson }).ToListAsync();
        var service = new SavedAudienceService(data.Database.Factory, TimeProvider.System);
        var emailSubscribers = await db.Customers.CountAsync(c => c.Consent.Email);

        Assert.NotEmpty(stored);
        foreach (var audience in stored)
        {
            var rules = AudienceRulesJson.Read(audience.RulesJson, audience.Name);
            var validated = await service.ValidateAsync(rules);
            // Stored as the builder itself would write it, so opening and saving it again changes nothing.
            Assert.Equal(audience.RulesJson, AudienceRulesJson.Write(validated.Rules));
            var evaluation = await service.EvaluateSavedAsync(audience.Id);
            Assert.Equal(emailSubscribers, evaluation.Size.Customers);
            // The name says what the rules select (every e-mail subscriber); the campaign's random share is in brackets.
            Assert.Matches(@": E-mail subscribers \(campaign sent to a random \d+ %\)$", audience.Name);
        }
        // They share one rule tree, which the list counts once for all of them.
        var list = await service.ListAsync();
        Assert.Equal(stored.Count, list.Count);
        Assert.All(list, summary => Assert.Equal((null, emailSubscribers), (summary.Problem, summary.Size?.Customers)));
    }
}

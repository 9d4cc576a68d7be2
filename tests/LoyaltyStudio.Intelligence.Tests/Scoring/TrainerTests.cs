using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Registry;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Scoring;

public sealed class TrainerTests
{
    [Fact]
    public async Task Too_few_customers_to_train_churn_says_what_is_missing_and_activates_no_churn_model()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await new LoyaltySimulator(db.Factory).GenerateAsync(
            new GenerationRequest(120, 3, new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)), null, CancellationToken.None);

        var outcome = await TrainedLoyaltyData.Trainer(db).TrainAsync(null, new ScoringOptions(), "tests");

        Assert.False(outcome.ChurnModel.Activated);
        Assert.Null(outcome.ChurnModel.Version);
        Assert.Contains("The churn model was not trained", outcome.ChurnModel.Reason);
        Assert.Contains("500", outcome.ChurnModel.Reason);
        Assert.Null(await new ModelVersionRegistry(db.Factory, TimeProvider.System).GetActiveAsync(ModelKind.Churn));
    }

    [Fact]
    public async Task Training_keeps_the_response_counts_of_every_completed_campaign_for_the_next_scoring_run()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await new LoyaltySimulator(db.Factory).GenerateAsync(
            new GenerationRequest(300, 3, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30)), null, CancellationToken.None);

        var outcome = await TrainedLoyaltyData.Trainer(db).TrainAsync(null, new ScoringOptions(), "tests");

        await using var context = db.CreateContext();
        var measured = await context.Campaigns
            .Where(c => c.Status == CampaignStatus.Completed && c.EndsAt <= outcome.LatestDate && context.HoldoutAssignments.Any(h => h.CampaignId == c.Id))
            .Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.NotEmpty(measured); // the simulator runs past campaigns with holdouts
        var kept = await context.CampaignResponseEvidence.Where(e => e.Group == "all").Select(e => e.CampaignId).OrderBy(id => id).ToListAsync();
        Assert.Equal(measured, kept);
        foreach (var id in measured)
        {
            var all = await context.CampaignResponseEvidence.SingleAsync(e => e.CampaignId == id && e.Group == "all");
            Assert.Equal(await context.HoldoutAssignments.CountAsync(h => h.CampaignId == id), all.Treated + all.Holdout);
        }
    }

    [Fact]
    public async Task Training_an_empty_database_says_there_are_no_orders()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();

        var ex = await Assert.ThrowsAsync<ScoringNotReadyException>(() => TrainedLoyaltyData.Trainer(db).TrainAsync(null, new ScoringOptions(), "tests"));

        Assert.Contains("holds no orders", ex.Message);
    }
}

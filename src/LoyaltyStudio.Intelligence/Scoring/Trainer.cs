using System.Diagnostics;
using System.Text.Json;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Lifetime;
using LoyaltyStudio.Intelligence.Offers;
using LoyaltyStudio.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// Trains the models a scoring run needs at the data's latest date and stores them as new versions: the churn model
/// (activated only when its out-of-time AUC beats the recency-only baseline) and the BG/NBD + Gamma-Gamma parameters
/// (activated only when both fits converged). A model that fails its bar or cannot be trained leaves the previous
/// active version in place, and the outcome says why. Completed campaigns' response counts, which price the next-best
/// offers, are counted and kept at the same time.
/// </summary>
public sealed class Trainer(IDbContextFactory<LoyaltyDbContext> contexts, IFeatureBuilder features, ModelVersionRegistry registry)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="latestDate">The cut-off to train at (exclusive end of the data used); the data's latest date when null.</param>
    /// <param name="options">The scoring options (horizon, BG/NBD period length).</param>
    /// <param name="createdBy">Who asked, recorded on the model versions.</param>
    /// <param name="progress">Receives the training stages.</param>
    /// <param name="cancellationToken">Stops the training; nothing is stored then.</param>
    public async Task<TrainingOutcome> TrainAsync(DateTime? latestDate, ScoringOptions options, string createdBy,
        IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        DateTime latest;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            latest = latestDate ?? await LatestDataDate.FindAsync(db, cancellationToken);

        // Past campaigns' response counts (what next-best offers are priced with) are learned here too, beside the models:
        // each completed campaign is counted once and kept, so the scoring run after training reads them instead of
        // counting (see OfferResponseHistory). Mostly database reads, so they overlap the CPU-bound churn training.
        var responses = Task.Run(() => new NextBestOfferEngine(contexts).EstimateResponseRatesAsync(latest, cancellationToken), cancellationToken);

        progress?.Report(new ScoringProgress(ScoringStages.TrainChurn, 0, 1));
        var (churnReport, churnModel) = await TrainChurnAsync(latest, options, createdBy, cancellationToken);
        progress?.Report(new ScoringProgress(ScoringStages.TrainLifetime, 0, 1));
        var (lifetimeReport, lifetimeModel) = await TrainLifetimeAsync(latest, options, createdBy, cancellationToken);
        await responses;
        progress?.Report(new ScoringProgress(ScoringStages.TrainLifetime, 1, 1));
        return new TrainingOutcome(latest, churnReport, churnModel, lifetimeReport, lifetimeModel);
    }

    private async Task<(ChurnReport?, TrainedModel)> TrainChurnAsync(DateTime latest, ScoringOptions options, string createdBy,
        CancellationToken cancellationToken)
    {
        ChurnTrainingResult result;
        try
        {
            var trainer = new ChurnTrainer(new ChurnTrainingOptions { HorizonDays = options.HorizonDays });
            result = await trainer.TrainAsync(features, new OrderChurnLabelSource(contexts), latest, cancellationToken);
        }
        catch (ChurnTrainingException e)
        {
            return (null, new TrainedModel(null, false, $"The churn model was not trained: {e.Message} The previous churn model stays active."));
        }

        var report = result.Report;
        var stored = await registry.StoreAsync(new NewModelVersion(ModelKind.Churn, report.Algorithm, result.Model.ToBytes(),
            report.ToJson(), latest.AddDays(-2 * options.HorizonDays), latest, createdBy), cancellationToken);
        if (!(report.Auc > report.BaselineAuc))
        {
            return (report, new TrainedModel(stored.Version, false,
                $"Churn v{stored.Version} was stored but not activated: its out-of-time AUC {report.Auc:0.000} does not beat the recency-only baseline {report.BaselineAuc:0.000}. The previous churn model stays active."));
        }
        await registry.ActivateAsync(ModelKind.Churn, stored.Version, cancellationToken);
        return (report, new TrainedModel(stored.Version, true, null));
    }

    private async Task<(LifetimeReport?, TrainedModel)> TrainLifetimeAsync(DateTime latest, ScoringOptions options, string createdBy,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<long, CustomerSummary> summaries;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            summaries = await PurchaseSummaries.LoadAsync(db, latest, options.LifetimePeriodDays, null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        BgNbdFit purchases;
        GammaGammaFit spend;
        try
        {
            var all = summaries.Values.ToList();
            purchases = BgNbdModel.Fit(all);
            spend = GammaGammaModel.Fit(all);
        }
        catch (BtydFitException e)
        {
            return (null, new TrainedModel(null, false,
                $"The lifetime-value model was not fitted: {e.Message} The previous lifetime-value parameters stay active."));
        }

        var p = purchases.Parameters;
        var s = spend.Parameters;
        var report = new LifetimeReport(options.LifetimePeriodDays, p.R, p.Alpha, p.A, p.B, purchases.LogLikelihood, purchases.Customers,
            s.P, s.Q, s.Gamma, spend.LogLikelihood, spend.Customers, Math.Round(clock.Elapsed.TotalSeconds, 3));
        var first = await FirstOrderAsync(cancellationToken);
        var artifact = new LifetimeValueArtifact(options.LifetimePeriodDays, p, s);
        var stored = await registry.StoreAsync(new NewModelVersion(ModelKind.LifetimeValue, "BG/NBD + Gamma-Gamma", artifact.ToBytes(),
            JsonSerializer.Serialize(report, Json), first < latest ? first : latest.AddDays(-1), latest, createdBy), cancellationToken);
        await registry.ActivateAsync(ModelKind.LifetimeValue, stored.Version, cancellationToken);
        return (report, new TrainedModel(stored.Version, true, null));
    }

    private async Task<DateTime> FirstOrderAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Orders.MinAsync(o => o.OrderedAt, cancellationToken);
    }
}

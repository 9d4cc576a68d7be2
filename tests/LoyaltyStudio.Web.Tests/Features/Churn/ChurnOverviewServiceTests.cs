using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Churn;
using LoyaltyStudio.Web.Features.Churn;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>The overview's aggregates on the hand-built shop (see <see cref="ChurnTestShop"/>), worked out by hand.</summary>
public sealed class ChurnOverviewServiceTests : IAsyncLifetime
{
    private ChurnTestShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ChurnTestShop.CreateAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private async Task<ChurnOverview> OverviewAsync() => await _shop.OverviewService().GetOverviewAsync() ?? throw new InvalidOperationException("no overview");

    [Fact]
    public async Task Without_a_scoring_run_there_is_no_overview_and_no_model_report()
    {
        await using var empty = await ChurnTestShop.CreateEmptyAsync();

        Assert.Null(await empty.OverviewService().GetOverviewAsync());
        Assert.Null(await empty.OverviewService().GetModelReportAsync());
    }

    [Fact]
    public async Task Histogram_counts_the_current_run_of_customers_with_profiling_consent_and_uses_the_run_thresholds()
    {
        var overview = await OverviewAsync();

        Assert.Equal(_shop.CurrentRunId, overview.Run.Id);
        Assert.Equal(ChurnTestShop.CurrentCutoff, overview.Run.Cutoff);
        Assert.Equal(new ChurnRiskThresholds(30, 60), overview.Thresholds);
        Assert.Equal(101, overview.CustomersByScore.Count);
        var scores = overview.CustomersByScore.Select((count, score) => (count, score)).Where(p => p.count > 0).Select(p => p.score).ToList();
        Assert.Equal([10, 30, 45, 65, 80], scores);
        Assert.Equal(5, overview.Customers);
        // Dan refused profiling: left out, and counted as such.
        Assert.Equal(1, overview.WithoutProfilingConsent);
    }

    [Fact]
    public async Task Each_band_has_its_share_of_customers_revenue_and_points()
    {
        var bands = (await OverviewAsync()).Bands.ToDictionary(b => b.Band);

        Assert.Equal((2, 300m, 60m), (bands[ChurnRiskBand.High].Customers, bands[ChurnRiskBand.High].Spend365, bands[ChurnRiskBand.High].PointsBalance));
        Assert.Equal((2, 300m, 20m), (bands[ChurnRiskBand.Medium].Customers, bands[ChurnRiskBand.Medium].Spend365, bands[ChurnRiskBand.Medium].PointsBalance));
        Assert.Equal((1, 400m, 120m), (bands[ChurnRiskBand.Low].Customers, bands[ChurnRiskBand.Low].Spend365, bands[ChurnRiskBand.Low].PointsBalance));
        Assert.Equal(0.4, bands[ChurnRiskBand.High].CustomerShare, 9);
        Assert.Equal(0.3, bands[ChurnRiskBand.High].RevenueShare, 9);
        Assert.Equal(0.3, bands[ChurnRiskBand.High].PointsShare, 9);
        Assert.Equal(0.1, bands[ChurnRiskBand.Medium].PointsShare, 9);
        Assert.Equal(0.4, bands[ChurnRiskBand.Low].RevenueShare, 9);
        Assert.Equal(0.6, bands[ChurnRiskBand.Low].PointsShare, 9);
    }

    [Fact]
    public async Task Trend_counts_who_entered_and_left_high_between_consecutive_succeeded_runs()
    {
        var trend = (await OverviewAsync()).Trend;

        // R1 → R2: Ben and Eve came in, Cleo and Gus went out (Dan is not counted); R2 → R3 (the failed run skipped): Eve went out.
        Assert.Equal(2, trend.Count);
        Assert.Equal((2, 2, 3), (trend[0].Entered, trend[0].Left, trend[0].HighNow));
        Assert.Equal((0, 1, 2), (trend[1].Entered, trend[1].Left, trend[1].HighNow));
        Assert.Equal(_shop.CurrentRunId, trend[1].RunId);
        Assert.Equal(ChurnTestShop.CurrentCutoff, trend[1].Cutoff);
        Assert.Equal(trend[0].Cutoff, trend[1].PreviousCutoff);
    }

    [Fact]
    public async Task Cohort_tables_count_bands_and_average_score_per_tenure_segment_tier_and_channel()
    {
        var tables = (await OverviewAsync()).Cohorts.ToDictionary(t => t.Dimension);

        static string Rows(ChurnCohortTable table) =>
            string.Join("; ", table.Rows.Select(r => $"{r.Cohort.Key} {r.Low}/{r.Medium}/{r.High} {r.AverageScore:0.##}"));

        // Finn signed up exactly 12 months ago: a member for 12 months, so in 12–18.
        Assert.Equal("0-3 0/0/1 80; 6-12 0/1/1 55; 12-18 0/1/0 30; 36+ 1/0/0 10", Rows(tables[ChurnCohortDimension.Tenure]));
        Assert.Equal("micro:1 0/1/1 62.5; micro:2 0/1/1 47.5; none 1/0/0 10", Rows(tables[ChurnCohortDimension.MicroSegment]));
        Assert.Equal("BRONZE 1/1/0 27.5; GOLD 0/1/2 58.33", Rows(tables[ChurnCohortDimension.Tier]));
        Assert.Equal("Online 0/2/0 37.5; App 0/0/1 80; Store 1/0/1 37.5", Rows(tables[ChurnCohortDimension.Channel]));
        Assert.Equal(2.0 / 3, tables[ChurnCohortDimension.Tier].Rows[1].HighShare, 9);
        Assert.Equal("Gold", tables[ChurnCohortDimension.Tier].Rows[1].Label);
    }

    [Fact]
    public async Task Without_a_churn_model_the_badge_is_empty_and_there_is_no_report()
    {
        var overview = await OverviewAsync();

        Assert.Null(overview.Model);
        Assert.Null(await _shop.OverviewService().GetModelReportAsync());
    }

    [Fact]
    public async Task Badge_and_report_describe_the_model_version_the_run_scored_with_not_the_newest()
    {
        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            var used = new ModelVersion(ModelKind.Churn, 1, "FastTree", [], Report(0.81, 0.74).ToJson(),
                new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), "test",
                new DateTime(2026, 2, 28, 3, 0, 0, DateTimeKind.Utc));
            var newer = new ModelVersion(ModelKind.Churn, 2, "LightGbm", [], Report(0.95, 0.74).ToJson(),
                new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "test", Now);
            newer.Activate();
            db.ModelVersions.AddRange(used, newer);
            await db.SaveChangesAsync();
        }

        var badge = (await OverviewAsync()).Model!;
        var report = (await _shop.OverviewService().GetModelReportAsync())!;

        Assert.Equal((1, "FastTree", 0.81, 0.74, true), (badge.Version, badge.Algorithm, badge.Auc!.Value, badge.BaselineAuc!.Value, badge.BeatsBaseline));
        Assert.Equal(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), badge.WindowStart);
        Assert.Equal(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), badge.WindowEnd);
        Assert.Null(report.Problem);
        Assert.Equal(0.81, report.Report!.Auc);
        Assert.Equal(2, report.Report.Calibration.Count);
        Assert.Equal(["Days since last purchase", "App opens, 4 weeks", "coffee share"], report.Drivers.Select(d => d.Label));
        Assert.Equal([4.5, 2.25, 0.5], report.Drivers.Select(d => d.Contribution));
    }

    [Fact]
    public async Task An_unreadable_stored_report_is_said_so_and_the_badge_still_names_the_model()
    {
        await using (var db = _shop.Database.Factory.CreateDbContext())
        {
            db.ModelVersions.Add(new ModelVersion(ModelKind.Churn, 1, "FastTree", [], "{not json",
                Now.AddYears(-1), Now.AddMonths(-6), "test", Now));
            await db.SaveChangesAsync();
        }

        var report = (await _shop.OverviewService().GetModelReportAsync())!;

        Assert.Null(report.Report);
        Assert.Contains("cannot be read", report.Problem, StringComparison.Ordinal);
        Assert.Equal(("FastTree", null), (report.Badge.Algorithm, report.Badge.Auc));
    }

    private static readonly DateTime Now = ChurnTestShop.Now;

    private static ChurnReport Report(double auc, double baseline) => new()
    {
        Algorithm = "FastTree",
        Auc = auc,
        BaselineAuc = baseline,
        PrAuc = 0.7,
        Brier = 0.15,
        LiftTopDecile = 1.8,
        TrainSeconds = 2,
        FeatureSeconds = 1,
        HorizonDays = 90,
        LatestDate = new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc),
        Evaluation = new ChurnWindow(new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc), 900, 300, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), 950, 320),
        Production = new ChurnWindow(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), 950, 320, null, 0, 0),
        Candidates = [new ChurnCandidate("FastTree", auc, 0.7, 0.15, 1), new ChurnCandidate("LightGbm", auc - 0.01, 0.69, 0.16, 1)],
        Calibration = [new CalibrationBin(0, 0.5, 600, 0.2, 0.22), new CalibrationBin(0.5, 1, 350, 0.7, 0.66)],
        Drivers = [new ChurnDriver("recency_days", 4.5), new ChurnDriver("app_opens_28", 2.25), new ChurnDriver("category_share:coffee", 0.5)],
    };
}

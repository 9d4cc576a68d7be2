using Bunit;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Scoring;
using LoyaltyStudio.Web.Features.Admin.Scoring;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Scoring;

public sealed class CustomerScoringCardTests : ShellTestContext
{
    private static readonly DateTimeOffset Started = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly ScriptedScoringCoordinator _coordinator = new();

    public CustomerScoringCardTests()
    {
        Services.AddSingleton<IScoringCoordinator>(_coordinator);
        SignInAs("admin@demo.local", Roles.Admin);
    }

    private static CurrentScoringRun Run(long id, int customers) => new(id, ScoringRunKind.Full, new DateTime(2026, 7, 1),
        new DateTime(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 7, 1, 2, 0, 12, DateTimeKind.Utc), "schedule (daily)", customers,
        new Dictionary<string, double> { [ScoringStages.Features] = 4.5, [ScoringStages.Churn] = 0.25, [ScoringStages.Publish] = 1 });

    [Fact]
    public void Idle_card_without_a_run_says_so_and_offers_both_buttons()
    {
        var card = Render<CustomerScoringCard>();

        Assert.Contains("No scoring run yet", card.Find(".ls-no-current-run").TextContent);
        Assert.Empty(card.FindAll(".ls-scoring-progress"));
        Assert.Empty(card.FindAll(".ls-scoring-error"));
        Assert.False(card.Find("button.ls-run-scoring").HasAttribute("disabled"));
        Assert.False(card.Find("button.ls-train-models").HasAttribute("disabled"));
    }

    [Fact]
    public void Current_run_shows_its_id_customers_scored_and_seconds_per_stage()
    {
        _coordinator.CurrentRun = Run(41, 12345);

        var card = Render<CustomerScoringCard>();

        var summary = card.Find(".ls-current-run").TextContent;
        Assert.Contains("Current run 41", summary);
        Assert.Contains("12,345", summary);
        Assert.Contains("2026-07-01 02:00 UTC", summary);
        Assert.Contains("schedule (daily)", summary);
        var rows = card.FindAll(".ls-stage-timings tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(["features4.500", "churn0.250", "publish1.000", "total5.750"], rows);
    }

    [Fact]
    public void Running_card_shows_stage_and_progress_and_follows_it_live()
    {
        _coordinator.State = new ScoringState
        {
            Activity = ScoringActivity.Scoring, Stage = ScoringStages.Write, Done = 250, Total = 1000, StartedAt = Started,
            StartedBy = "admin@demo.local",
        };

        var card = Render<CustomerScoringCard>();

        Assert.Contains("stage write: 250 of 1,000", card.Find(".ls-scoring-stage").TextContent);
        Assert.Equal("25", card.Find(".ls-scoring-progress .mud-progress-linear").GetAttribute("aria-valuenow"));
        Assert.True(card.Find("button.ls-run-scoring").HasAttribute("disabled"));
        Assert.True(card.Find("button.ls-train-models").HasAttribute("disabled"));

        _coordinator.Publish(_coordinator.State with { Stage = ScoringStages.Publish, Done = 0, Total = 1 });

        card.WaitForAssertion(() => Assert.Contains("stage publish", card.Find(".ls-scoring-stage").TextContent));
        Assert.Contains("mud-progress-indeterminate", card.Find(".ls-scoring-progress .mud-progress-linear").ClassName);
    }

    [Fact]
    public void Training_card_says_it_is_training()
    {
        _coordinator.State = new ScoringState
        {
            Activity = ScoringActivity.Training, Stage = ScoringStages.TrainChurn, Done = 0, Total = 1, StartedAt = Started, StartedBy = "admin@demo.local",
        };

        var card = Render<CustomerScoringCard>();

        Assert.StartsWith("Training — stage train churn", card.Find(".ls-scoring-stage").TextContent);
    }

    [Fact]
    public void Failed_run_shows_the_failure_message()
    {
        _coordinator.State = ScoringState.Initial with
        {
            LastError = "The database holds no orders: import or seed data first.", LastFinishedAt = Started,
        };

        var card = Render<CustomerScoringCard>();

        Assert.Equal("Last run failed: The database holds no orders: import or seed data first.", card.Find(".ls-scoring-error").TextContent.Trim());
        Assert.False(card.Find("button.ls-run-scoring").HasAttribute("disabled"));
    }

    [Fact]
    public void Finished_run_replaces_the_current_run_and_reports_what_it_did()
    {
        _coordinator.CurrentRun = Run(41, 12345);
        _coordinator.State = new ScoringState { Activity = ScoringActivity.Scoring, Stage = ScoringStages.Publish, Total = 1, StartedAt = Started, StartedBy = "admin@demo.local" };
        var card = Render<CustomerScoringCard>();

        _coordinator.CurrentRun = Run(42, 12400);
        var result = new ScoringRunResult(42, ScoringRunKind.Full, new DateTime(2026, 7, 1), 12400, 0,
            new Dictionary<string, double> { [ScoringStages.Features] = 2, [ScoringStages.Publish] = 0.5 });
        _coordinator.Publish(ScoringState.Initial with { LastResult = result, LastFinishedAt = Started.AddSeconds(20) });

        card.WaitForAssertion(() => Assert.Contains("Current run 42", card.Find(".ls-current-run").TextContent));
        Assert.Contains("Last run 42 (full)", card.Find(".ls-scoring-finished").TextContent);
        Assert.Contains("12,400 customers scored in 2.500 s", card.Find(".ls-scoring-finished").TextContent);
        Assert.Empty(card.FindAll(".ls-scoring-progress"));
    }

    [Fact]
    public async Task Run_scoring_now_starts_a_full_run_for_the_signed_in_admin()
    {
        var card = Render<CustomerScoringCard>();

        await card.Find("button.ls-run-scoring").ClickAsync();

        Assert.Equal(["full by admin@demo.local"], _coordinator.Requests);
    }

    [Fact]
    public async Task Train_models_now_starts_a_training_for_the_signed_in_admin()
    {
        var card = Render<CustomerScoringCard>();

        await card.Find("button.ls-train-models").ClickAsync();

        Assert.Equal(["train by admin@demo.local"], _coordinator.Requests);
    }

    [Fact]
    public async Task Refused_request_shows_why()
    {
        _coordinator.Refusal = "A scoring run started by schedule (daily) at 02:00:00 UTC is in progress. One runs at a time: wait for it to finish, then try again.";
        var card = Render<CustomerScoringCard>();

        await card.Find("button.ls-run-scoring").ClickAsync();

        card.WaitForAssertion(() => Assert.Equal(_coordinator.Refusal, card.Find(".ls-scoring-refused").TextContent.Trim()));
    }
}

/// <summary>
/// A coordinator whose state the test sets and publishes, recording what the card asks for: it lets card tests show
/// each state without running a model.
/// </summary>
internal sealed class ScriptedScoringCoordinator : IScoringCoordinator
{
    public ScoringState State { get; set; } = ScoringState.Initial;
    public CurrentScoringRun? CurrentRun { get; set; }
    public string? Refusal { get; set; }
    public List<string> Requests { get; } = [];

    public event EventHandler? StateChanged;

    public void Publish(ScoringState state)
    {
        State = state;
        StateChanged?.Invoke(this, EventArgs.Empty);
    }

    public Task<CurrentScoringRun?> FindCurrentRunAsync(CancellationToken cancellationToken = default) => Task.FromResult(CurrentRun);

    public Task<ScoringRunResult> RunFullAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        Record("full", requestedBy);
        return Task.FromResult(new ScoringRunResult(1, ScoringRunKind.Full, new DateTime(2026, 7, 1), 0, 0, new Dictionary<string, double>()));
    }

    public Task<ScoringRunResult?> RunIncrementalAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        Record("incremental", requestedBy);
        return Task.FromResult<ScoringRunResult?>(null);
    }

    public Task<TrainingOutcome> TrainAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        Record("train", requestedBy);
        var notTrained = new TrainedModel(null, false, "Scripted: nothing was trained.");
        return Task.FromResult(new TrainingOutcome(new DateTime(2026, 7, 1), null, notTrained, null, notTrained));
    }

    private void Record(string what, string requestedBy)
    {
        if (Refusal is not null)
            throw new ScoringBusyException(Refusal);
        Requests.Add($"{what} by {requestedBy}");
    }
}

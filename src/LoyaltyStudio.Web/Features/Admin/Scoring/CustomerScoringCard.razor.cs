using System.Globalization;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>
/// Admin card: the current scoring run (when, how many customers, seconds per stage), live progress of the run in
/// progress, the last failure, and buttons to score or train now. Follows the coordinator's change event.
/// </summary>
public sealed partial class CustomerScoringCard
{
    [Inject]
    private IScoringCoordinator Coordinator { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ScoringState _state = ScoringState.Initial;
    private CurrentScoringRun? _current;
    private string? _refusal;

    protected override async Task OnInitializedAsync()
    {
        _state = Coordinator.State;
        Coordinator.StateChanged += OnStateChanged;
        _current = await Coordinator.FindCurrentRunAsync();
    }

    public void Dispose() => Coordinator.StateChanged -= OnStateChanged;

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(async () =>
    {
        var before = _state;
        _state = Coordinator.State;
        // A run that just finished may have become current.
        if (before.LastFinishedAt != _state.LastFinishedAt)
            _current = await Coordinator.FindCurrentRunAsync();
        StateHasChanged();
    });

    private Task RunScoringAsync() => StartAsync(async user => await Coordinator.RunFullAsync(user));

    private Task TrainModelsAsync() => StartAsync(async user => await Coordinator.TrainAsync(user));

    private async Task StartAsync(Func<string, Task> work)
    {
        _refusal = null;
        try
        {
            await work((await AuthenticationState).User.Identity?.Name ?? "unknown");
        }
        catch (ScoringBusyException e)
        {
            _refusal = e.Message;
        }
        catch (Exception e) when (e is not ScoringBusyException)
        {
            // The coordinator keeps the failure in its state, which this card shows; nothing more to do here.
        }
    }

    private static string ProgressText(ScoringState state)
    {
        var what = state.Activity == ScoringActivity.Training ? "Training" : "Scoring";
        var stage = state.Stage ?? "starting";
        var count = state.Total > 1
            ? string.Create(CultureInfo.CurrentCulture, $": {state.Done:N0} of {state.Total:N0}")
            : "";
        return $"{what} — stage {stage}{count} (started {Utc(state.StartedAt)} by {state.StartedBy})";
    }

    private static string Model(TrainedModel model) => model switch
    {
        { Version: { } v, Activated: true } => $"v{v} active",
        { Version: { } v } => $"v{v} stored, not active ({model.Reason})",
        _ => $"not trained ({model.Reason})",
    };

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";
}

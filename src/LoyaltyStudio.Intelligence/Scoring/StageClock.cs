using System.Diagnostics;
using System.Text.Json;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>Times the stages of a run and reports each start through the progress sink.</summary>
internal sealed class StageClock(IProgress<ScoringProgress>? progress)
{
    private readonly Dictionary<string, double> _seconds = [];
    private readonly Stopwatch _watch = new();
    private string? _stage;

    public IReadOnlyDictionary<string, double> Seconds => _seconds;

    public void Start(string stage, int total)
    {
        Stop();
        _stage = stage;
        _watch.Restart();
        progress?.Report(new ScoringProgress(stage, 0, total));
    }

    public void Report(int done, int total)
    {
        if (_stage is not null)
            progress?.Report(new ScoringProgress(_stage, done, total));
    }

    public void Stop()
    {
        if (_stage is null)
            return;
        _seconds[_stage] = Math.Round(_watch.Elapsed.TotalSeconds, 3);
        _stage = null;
    }

    public string ToJson() => JsonSerializer.Serialize(_seconds);
}

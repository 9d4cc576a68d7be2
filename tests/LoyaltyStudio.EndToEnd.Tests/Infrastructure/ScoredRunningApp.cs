using LoyaltyStudio.Web.Features.Admin.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app on a demo set large enough to train on, trained and scored twice before any journey starts, so
/// the marketer's pages (segments, churn) have a current run and a previous one to compare with.
/// </summary>
public sealed class ScoredRunningApp : RunningApp
{
    /// <summary>Demo customers: the churn model refuses to train on fewer than 500 customers with purchases.</summary>
    public const int ScoredCustomers = 1500;

    public ScoredRunningApp()
        : base(ScoredCustomers)
    {
        var coordinator = Services.GetRequiredService<IScoringCoordinator>();
        // Two full runs: the first trains and scores, the second gives every "since the last run" view a baseline.
        FirstRun = coordinator.RunFullAsync("e2e@demo.local").GetAwaiter().GetResult();
        CurrentRun = coordinator.RunFullAsync("e2e@demo.local").GetAwaiter().GetResult();
    }

    /// <summary>The first scoring run.</summary>
    public Intelligence.Scoring.ScoringRunResult FirstRun { get; }

    /// <summary>The run the pages read.</summary>
    public Intelligence.Scoring.ScoringRunResult CurrentRun { get; }
}

[CollectionDefinition(Name)]
public sealed class ScoredBrowserJourneys : ICollectionFixture<ScoredRunningApp>
{
    public const string Name = "scored-browser";
}

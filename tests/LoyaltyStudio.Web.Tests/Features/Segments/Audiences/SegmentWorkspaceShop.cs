using System.Security.Claims;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Segments.Audiences;
using LoyaltyStudio.Web.Features.Segments.Overlap;
using LoyaltyStudio.Web.Identity;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

/// <summary>
/// Six customers scored by two runs, with known RFM cells, segments, consents, CLV and spend, for the RFM, audience and
/// overlap services. Current run (cut-off 1 July 2026):
/// <code>
/// customer  R F  RFM segment   micro  churn band    CLV  spend365  e-mail  profiling  previous run's RFM
/// Jane      5 5  Champions     1      10    Low     100  500       yes     yes        At risk
/// John      5 4  Champions     1      20    Low     200  300       yes     yes        Champions
/// Ana       1 3  At risk       2      80    High     50  120       yes     yes        Champions
/// Bob       1 1  Lost          2      90    High     10    0       no      yes        Lost
/// Eve       2 2  Hibernating   2      50    Medium   20   40       yes     no         (not scored)
/// Max       –    (not scored)                                      yes     yes
/// </code>
/// </summary>
public sealed class SegmentWorkspaceShop : IAsyncDisposable
{
    public static readonly FixedClock Clock = new(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly ServiceProvider AuthorizationServices = BuildAuthorization();

    private readonly MemoryCache _memory = new(new MemoryCacheOptions());

    private SegmentWorkspaceShop(TempSqliteDatabase database)
    {
        Database = database;
        Counts = new AudienceCountStore(_memory, Clock);
    }

    public TempSqliteDatabase Database { get; }

    /// <summary>The shop's kept audience counts (one store per shop, as the app has one per process).</summary>
    public AudienceCountStore Counts { get; }

    /// <summary>The list's sizes, kept in <see cref="Counts"/>.</summary>
    public AudienceSizes Sizes => new(Audiences, Database.Factory, Counts, NullLogger<AudienceSizes>.Instance);

    /// <summary>The audience list and builder service as the app composes it, for <paramref name="authorization"/>'s rights.</summary>
    public AudienceWorkspaceService Workspace() => new(Audiences, Sizes, Database.Factory, Authorization);

    /// <summary>The overlap service as the app composes it, counts kept in <see cref="Counts"/>.</summary>
    public OverlapService Overlap() => new(Audiences, Database.Factory, Counts, Clock);

    public long Jane { get; private set; }
    public long John { get; private set; }
    public long Ana { get; private set; }
    public long Bob { get; private set; }
    public long Eve { get; private set; }
    public long Max { get; private set; }
    public long Micro1 { get; private set; }
    public long Micro2 { get; private set; }

    public static IAuthorizationService Authorization => AuthorizationServices.GetRequiredService<IAuthorizationService>();

    public SavedAudienceService Audiences => new(Database.Factory, Clock);

    public static ClaimsPrincipal UserIn(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"{role.ToLowerInvariant()}@test"), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Marketer => UserIn(Roles.Marketer);

    public static ClaimsPrincipal Manager => UserIn(Roles.Manager);

    public static ClaimsPrincipal Admin => UserIn(Roles.Admin);

    /// <summary>A database with the customers only, no scoring run.</summary>
    public static async Task<SegmentWorkspaceShop> WithoutRunAsync()
    {
        var shop = new SegmentWorkspaceShop(await TempSqliteDatabase.CreateMigratedAsync());
        await shop.SeedCustomersAsync();
        return shop;
    }

    /// <summary>The customers scored by both runs as the table above says.</summary>
    public static async Task<SegmentWorkspaceShop> ScoredAsync()
    {
        var shop = await WithoutRunAsync();
        await shop.SeedRunsAsync();
        return shop;
    }

    public ValueTask DisposeAsync()
    {
        _memory.Dispose();
        return Database.DisposeAsync();
    }

    public static AudienceCondition RiskBandIs(string band) => AudienceCondition.Of(AudienceFieldCatalog.RiskBand, AudienceOperator.Is, band);

    public static AudienceCondition EmailConsent(bool yes) => AudienceCondition.Of(AudienceFieldCatalog.EmailConsent, AudienceOperator.Is, yes ? "yes" : "no");

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    private static ServiceProvider BuildAuthorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(AreaPolicies.Register);
        return services.BuildServiceProvider();
    }

    private async Task SeedCustomersAsync()
    {
        await using var db = Database.Factory.CreateDbContext();
        db.Tiers.AddRange(TierRules.Standard.Tiers.Select(t => new Tier(t.Code, t.Name, t.Rank, t.QualifyingSpend, t.PointsPerCurrencyUnit)));
        Customer Make(string id, string first, string last, bool email, bool profiling) => new(id, first, last,
            $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com", null, AgeBand.From35To44, "North", Utc(2024, 1, 1),
            SalesChannel.Online, new Consent(email, false, false, profiling, Utc(2024, 1, 1)));
        var customers = new[]
        {
            Make("C-1", "Jane", "Smith", true, true), Make("C-2", "John", "Brown", true, true), Make("C-3", "Ana", "Jones", true, true),
            Make("C-4", "Bob", "Stone", false, true), Make("C-5", "Eve", "Adams", true, false), Make("C-6", "Max", "Power", true, true),
        };
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        (Jane, John, Ana, Bob, Eve, Max) = (customers[0].Id, customers[1].Id, customers[2].Id, customers[3].Id, customers[4].Id, customers[5].Id);
    }

    private async Task SeedRunsAsync()
    {
        await using var db = Database.Factory.CreateDbContext();
        var previous = new ScoringRun(Utc(2026, 6, 1), Utc(2026, 6, 1), "test");
        var current = new ScoringRun(Utc(2026, 7, 1), Utc(2026, 7, 1), "test");
        var rfm = new[] { "rfm:champions", "rfm:at-risk", "rfm:lost", "rfm:hibernating" }
            .Select(key => Intelligence.Segments.RfmSegments.FindByKey(key)!)
            .ToDictionary(s => s.Key, s => new Segment(SegmentKind.Rfm, s.Key, s.Name, s.Description, Utc(2026, 6, 1)));
        var micro1 = new Segment(SegmentKind.Micro, "micro:1", "Coffee regulars", "", Utc(2026, 6, 1));
        var micro2 = new Segment(SegmentKind.Micro, "micro:2", "Weekend browsers", "", Utc(2026, 6, 1));
        db.AddRange(previous, current, micro1, micro2);
        db.AddRange(rfm.Values);
        await db.SaveChangesAsync();
        previous.Succeed(previous.StartedAt, 4, "{}");
        current.Succeed(current.StartedAt, 5, "{}");
        current.MakeCurrent();
        (Micro1, Micro2) = (micro1.Id, micro2.Id);

        long Rfm(string key) => rfm[key].Id;
        void Score(ScoringRun run, long customer, double churn, decimal clv, int r, int f, long? micro, string rfmKey, decimal spend)
        {
            var score = new CustomerScore(run.Id, customer, churn, ChurnRiskThresholds.Default, "[]", 0.5, 1, 10m, clv,
                new RfmScore(r, f, 3), micro, Rfm(rfmKey), "[]");
            score.RecordActivity(spend, 0m, 10);
            db.CustomerScores.Add(score);
        }

        Score(current, Jane, 0.10, 100m, 5, 5, micro1.Id, "rfm:champions", 500m);
        Score(current, John, 0.20, 200m, 5, 4, micro1.Id, "rfm:champions", 300m);
        Score(current, Ana, 0.80, 50m, 1, 3, micro2.Id, "rfm:at-risk", 120m);
        Score(current, Bob, 0.90, 10m, 1, 1, micro2.Id, "rfm:lost", 0m);
        Score(current, Eve, 0.50, 20m, 2, 2, micro2.Id, "rfm:hibernating", 40m);

        Score(previous, Jane, 0.70, 90m, 1, 3, micro2.Id, "rfm:at-risk", 400m);
        Score(previous, John, 0.20, 180m, 5, 5, micro1.Id, "rfm:champions", 280m);
        Score(previous, Ana, 0.30, 70m, 5, 4, micro1.Id, "rfm:champions", 200m);
        Score(previous, Bob, 0.90, 10m, 1, 1, micro2.Id, "rfm:lost", 0m);

        db.SegmentMemberships.AddRange(
            new SegmentMembership(current.Id, Rfm("rfm:champions"), Jane, Rfm("rfm:at-risk")),
            new SegmentMembership(current.Id, Rfm("rfm:champions"), John, Rfm("rfm:champions")),
            new SegmentMembership(current.Id, Rfm("rfm:at-risk"), Ana, Rfm("rfm:champions")),
            new SegmentMembership(current.Id, Rfm("rfm:lost"), Bob, Rfm("rfm:lost")),
            new SegmentMembership(current.Id, Rfm("rfm:hibernating"), Eve, null),
            // Micro-segment memberships must not show up among the RFM moves.
            new SegmentMembership(current.Id, micro1.Id, Jane, micro2.Id),
            new SegmentMembership(current.Id, micro2.Id, Ana, micro1.Id));
        await db.SaveChangesAsync();
    }
}

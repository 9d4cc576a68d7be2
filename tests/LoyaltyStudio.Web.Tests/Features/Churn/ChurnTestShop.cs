using System.Security.Claims;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Churn;
using LoyaltyStudio.Web.Identity;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyStudio.Web.Tests.Features.Churn;

/// <summary>
/// Seven customers in a real SQLite file and four scoring runs: R1, R2, a failed run, and R3 (current, bands from 30
/// and 60 rather than the default 40 and 70). Today is 1 March 2026, 12:00 UTC.
/// <code>
/// name tier   signed up       via    profiling  R1 (40/70)  R2 (40/70)  R3 current (30/60): score band  spend points days  micro  CLV
/// Ada  GOLD   2 months ago    App    yes        75 High     90 High     80 High    100   50   40   micro:1 300
/// Ben  GOLD   8 months ago    Store  yes        10 Low      72 High     65 High    200   10   70   micro:2 500
/// Cleo BRONZE 8 months ago    Online yes        80 High     20 Low      45 Medium  300   20   20   micro:1 700
/// Dan  GOLD   8 months ago    Store  NO         90 High     90 High     90 High   1000 1000    3   micro:1 999
/// Eve  BRONZE 40 months ago   Store  yes        10 Low      71 High     10 Low     400  120    5   -       900
/// Finn GOLD   exactly 12 mo.  Online yes        10 Low      10 Low      30 Medium    0    0  never micro:2 100
/// Gus  BRONZE 1 month ago     App    yes        90 High     10 Low      (not scored)
/// </code>
/// Every run records that it scored with churn model v1 (no model version is stored unless a test adds one).
/// The failed run (between R2 and R3) has everyone at 99 High and must be ignored.
/// </summary>
public sealed class ChurnTestShop : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime CurrentCutoff = new(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ServiceProvider AuthorizationServices = BuildAuthorization();

    private ChurnTestShop(TempSqliteDatabase database) => Database = database;

    public TempSqliteDatabase Database { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(Now));

    public Dictionary<string, long> Ids { get; } = [];

    public long CurrentRunId { get; private set; }

    public static IAuthorizationService Authorization => AuthorizationServices.GetRequiredService<IAuthorizationService>();

    public ChurnOverviewService OverviewService() => new(Database.Factory, Clock);

    public SavedAudienceService Audiences() => new(Database.Factory, Clock);

    public ChurnCohortService CohortService() => new(Database.Factory, Authorization, Audiences(), OverviewService(), Clock);

    public static ClaimsPrincipal UserIn(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"{role.ToLowerInvariant()}@test"), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Marketer => UserIn(Roles.Marketer);

    /// <summary>A migrated database with no scoring run at all.</summary>
    public static async Task<ChurnTestShop> CreateEmptyAsync() => new(await TempSqliteDatabase.CreateMigratedAsync());

    public static async Task<ChurnTestShop> CreateAsync()
    {
        var shop = await CreateEmptyAsync();
        await shop.SeedAsync();
        return shop;
    }

    private async Task SeedAsync()
    {
        await using var db = Database.Factory.CreateDbContext();
        db.Tiers.AddRange(new Tier("BRONZE", "Bronze", 0, 0m, 1m), new Tier("GOLD", "Gold", 2, 1500m, 1.5m));
        var micro1 = new Segment(SegmentKind.Micro, "micro:1", "Bargain hunters", "Buy on discount.", Now.AddYears(-1));
        var micro2 = new Segment(SegmentKind.Micro, "micro:2", "Weekend shoppers", "Buy on Saturdays.", Now.AddYears(-1));
        db.Segments.AddRange(micro1, micro2);
        await db.SaveChangesAsync();
        var gold = new Tier("GOLD", "Gold", 2, 1500m, 1.5m);

        Customer Person(string name, bool goldTier, DateTime signedUp, SalesChannel channel, bool profiling)
        {
            var customer = new Customer($"C-{name}", name, "Test", $"{name.ToLowerInvariant()}@example.test", null, AgeBand.Unknown, "North",
                signedUp, channel, new Consent(true, false, false, profiling, Now.AddYears(-3)));
            if (goldTier)
                customer.MoveToTier(gold);
            return customer;
        }
        var people = new[]
        {
            Person("Ada", true, Now.AddMonths(-2), SalesChannel.App, true),
            Person("Ben", true, Now.AddMonths(-8), SalesChannel.Store, true),
            Person("Cleo", false, Now.AddMonths(-8), SalesChannel.Online, true),
            Person("Dan", true, Now.AddMonths(-8), SalesChannel.Store, false),
            Person("Eve", false, Now.AddMonths(-40), SalesChannel.Store, true),
            Person("Finn", true, Now.AddMonths(-12), SalesChannel.Online, true),
            Person("Gus", false, Now.AddMonths(-1), SalesChannel.App, true),
        };
        db.Customers.AddRange(people);
        await db.SaveChangesAsync();
        foreach (var p in people)
            Ids[p.FirstName] = p.Id;

        ScoringRun Run(DateTime cutoff, ChurnRiskThresholds thresholds, bool succeed)
        {
            var run = new ScoringRun(cutoff, cutoff.AddHours(1), "test");
            run.RecordThresholds(thresholds);
            run.RecordModelVersions("""{"Churn":1,"LifetimeValue":1}""");
            if (succeed)
                run.Succeed(cutoff.AddHours(2), people.Length, "{}");
            else
                run.Fail(cutoff.AddHours(2), "broken on purpose");
            return run;
        }
        var r1 = Run(Now.AddDays(-90), ChurnRiskThresholds.Default, true);
        var r2 = Run(Now.AddDays(-60), ChurnRiskThresholds.Default, true);
        var failed = Run(Now.AddDays(-30), ChurnRiskThresholds.Default, false);
        var r3 = Run(CurrentCutoff, new ChurnRiskThresholds(30, 60), true);
        r3.MakeCurrent();
        db.ScoringRuns.AddRange(r1, r2, failed, r3);
        await db.SaveChangesAsync();
        CurrentRunId = r3.Id;

        CustomerScore Score(ScoringRun run, string name, double churn, decimal clv = 100m, long? micro = null, string reasons = "[]")
            => new(run.Id, Ids[name], churn, run.Thresholds, reasons, 0.5, 1.0, 20m, clv, new RfmScore(3, 3, 3), micro, null, "[]");
        CustomerScore Active(CustomerScore score, decimal spend, decimal points, int? days)
        {
            score.RecordActivity(spend, points, days);
            return score;
        }
        foreach (var (name, p1, p2) in new[] { ("Ada", .75, .90), ("Ben", .10, .72), ("Cleo", .80, .20), ("Dan", .90, .90), ("Eve", .10, .71), ("Finn", .10, .10), ("Gus", .90, .10) })
        {
            db.CustomerScores.Add(Score(r1, name, p1));
            db.CustomerScores.Add(Score(r2, name, p2));
            db.CustomerScores.Add(Score(failed, name, .99));
        }
        const string AdaReasons = """[{"feature":"recency_days","contribution":8.2,"sentence":"No purchase for 40 days; usually buys every 12"},{"feature":"app_opens_28","contribution":3.1,"sentence":"No app opens in the last 4 weeks"}]""";
        db.CustomerScores.AddRange(
            Active(Score(r3, "Ada", .80, 300m, micro1.Id, AdaReasons), 100m, 50m, 40),
            Active(Score(r3, "Ben", .65, 500m, micro2.Id), 200m, 10m, 70),
            Active(Score(r3, "Cleo", .45, 700m, micro1.Id), 300m, 20m, 20),
            Active(Score(r3, "Dan", .90, 999m, micro1.Id), 1000m, 1000m, 3),
            Active(Score(r3, "Eve", .10, 900m), 400m, 120m, 5),
            Active(Score(r3, "Finn", .30, 100m, micro2.Id), 0m, 0m, null));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static ServiceProvider BuildAuthorization()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(AreaPolicies.Register);
        return services.BuildServiceProvider();
    }
}

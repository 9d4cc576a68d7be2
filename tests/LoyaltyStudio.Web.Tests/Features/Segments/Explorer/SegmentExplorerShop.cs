using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using LoyaltyStudio.Web.Tests.TestSupport;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Explorer;

/// <summary>
/// A small shop scored twice, with every movement the segment pages show written out by hand:
/// <code>
///            run 1 (cut-off 1 May 2026)      run 2 (cut-off 1 Jun 2026, current)
///   Ann      Coffee lovers                   Coffee lovers   (stayed)
///   Ben      Coffee lovers                   Tea drinkers    (left for Tea drinkers)
///   Cat      Tea drinkers                    Coffee lovers   (came from Tea drinkers)
///   Dan      Old timers                      Newcomers       (Old timers retired, Newcomers new)
///   Eve      Coffee lovers                   not scored      (left, not scored now)
///   Fay      not scored                      Coffee lovers   (new customer)
///   Gus      scored, no micro-segment        Coffee lovers   (no segment before)
/// </code>
/// In run 2 Coffee lovers are Ann, Cat, Fay and Gus: 4 of 6 scored customers.
/// </summary>
internal sealed class SegmentExplorerShop
{
    public static readonly DateTime FirstCutoff = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime SecondCutoff = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public long CoffeeLovers { get; private set; }
    public long TeaDrinkers { get; private set; }
    public long OldTimers { get; private set; }
    public long Newcomers { get; private set; }
    public long Champions { get; private set; }
    public long Lost { get; private set; }
    public long FirstRun { get; private set; }
    public long SecondRun { get; private set; }
    public Dictionary<string, long> Customer { get; } = [];

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<SegmentExplorerShop> SeedAsync(TempSqliteDatabase database)
    {
        var shop = new SegmentExplorerShop();
        await using var db = database.Factory.CreateDbContext();
        await shop.SeedCatalogueAndCustomersAsync(db);
        await shop.SeedSegmentsAsync(db);
        await shop.SeedRunsAsync(db);
        return shop;
    }

    private async Task SeedCatalogueAndCustomersAsync(LoyaltyDbContext db)
    {
        var coffeeCategory = new Category("COFFEE", "Coffee");
        var teaCategory = new Category("TEA", "Tea");
        db.Categories.AddRange(coffeeCategory, teaCategory);
        await db.SaveChangesAsync();
        var coffee = new Product("SKU-COF", "Coffee beans", coffeeCategory.Id, 10m);
        var tea = new Product("SKU-TEA", "Green tea", teaCategory.Id, 8m);
        db.Products.AddRange(coffee, tea);

        string[][] people = [["Ann", "Archer"], ["Ben", "Baker"], ["Cat", "Carter"], ["Dan", "Dyer"], ["Eve", "Evans"], ["Fay", "Fisher"], ["Gus", "Green"]];
        var customers = people.Select((p, i) => new Customer($"CUST-{i + 1:D3}", p[0], p[1], $"{p[0].ToLowerInvariant()}@example.com", null,
            AgeBand.Unknown, "North", Utc(2024, 1, 1), SalesChannel.Online, Consent.None(Utc(2024, 1, 1)))).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        foreach (var (c, p) in customers.Zip(people))
            Customer[p[0]] = c.Id;

        // Coffee lovers' orders in the year before the second cut-off: Ann online 20 (coffee), Cat in store 18 (8 tea + 10 coffee),
        // Fay in the app 30 (coffee). Ann's order of 2025 and the one at the cut-off itself fall outside; Ben is not a member.
        Order(db, "O-1", "Ann", Utc(2026, 5, 10), SalesChannel.Online, (coffee.Id, 2, 10m));
        Order(db, "O-2", "Cat", Utc(2026, 1, 5), SalesChannel.Store, (tea.Id, 1, 8m), (coffee.Id, 1, 10m));
        Order(db, "O-3", "Fay", Utc(2026, 5, 20), SalesChannel.App, (coffee.Id, 3, 10m));
        Order(db, "O-4", "Ann", Utc(2025, 1, 1), SalesChannel.Store, (coffee.Id, 10, 10m));
        Order(db, "O-5", "Ann", SecondCutoff, SalesChannel.Store, (coffee.Id, 7, 10m));
        Order(db, "O-6", "Ben", Utc(2026, 5, 1), SalesChannel.Online, (tea.Id, 5, 10m));
        await db.SaveChangesAsync();
    }

    private void Order(LoyaltyDbContext db, string id, string who, DateTime at, SalesChannel channel, params (int Product, int Quantity, decimal Price)[] lines)
    {
        var order = new Order(id, Customer[who], at, channel);
        foreach (var (product, quantity, price) in lines)
            order.AddLine(product, quantity, price);
        db.Orders.Add(order);
    }

    private async Task SeedSegmentsAsync(LoyaltyDbContext db)
    {
        var t0 = Utc(2026, 4, 1);
        var coffee = new Segment(SegmentKind.Micro, "micro:1", "Coffee lovers", "Buy coffee often.", t0);
        var tea = new Segment(SegmentKind.Micro, "micro:2", "Tea drinkers", "Mostly tea.", t0);
        var old = new Segment(SegmentKind.Micro, "micro:3", "Old timers", "Long-standing members.", t0);
        var fresh = new Segment(SegmentKind.Micro, "micro:4", "Newcomers", "Joined lately.", Utc(2026, 6, 1));
        var champions = new Segment(SegmentKind.Rfm, "rfm:champions", "Champions", "Bought recently and buy often.", t0);
        var lost = new Segment(SegmentKind.Rfm, "rfm:lost", "Lost", "The fewest orders and the longest gone.", t0);
        coffee.UpdateProfile(ProfileJson, "{}");
        db.Segments.AddRange(coffee, tea, old, fresh, champions, lost);
        await db.SaveChangesAsync();
        old.Retire(Utc(2026, 6, 2));
        await db.SaveChangesAsync();
        (CoffeeLovers, TeaDrinkers, OldTimers, Newcomers, Champions, Lost) = (coffee.Id, tea.Id, old.Id, fresh.Id, champions.Id, lost.Id);
    }

    /// <summary>Three contrasts; the coffee share sets the segment apart most, then recency, then the app share.</summary>
    public const string ProfileJson = """
        {"members":4,"population":6,"share":0.667,"contrasts":[
          {"feature":"channel_share_app","segmentMean":0.2,"populationMean":0.3,"standardisedDifference":-0.4},
          {"feature":"category_share:Coffee","segmentMean":0.8,"populationMean":0.4,"standardisedDifference":1.9},
          {"feature":"recency_days","segmentMean":12,"populationMean":40,"standardisedDifference":-1.1}]}
        """;

    private async Task SeedRunsAsync(LoyaltyDbContext db)
    {
        var first = new ScoringRun(FirstCutoff, FirstCutoff.AddHours(1), "test");
        var second = new ScoringRun(SecondCutoff, SecondCutoff.AddHours(1), "test");
        db.ScoringRuns.AddRange(first, second);
        await db.SaveChangesAsync();
        (FirstRun, SecondRun) = (first.Id, second.Id);

        // Run 1: Ann, Ben, Eve in Coffee lovers; Cat in Tea drinkers; Dan in Old timers; Gus scored without a micro-segment.
        Score(db, first.Id, "Ann", 0.2, 400m, CoffeeLovers, Champions, 100m, 10);
        Score(db, first.Id, "Ben", 0.3, 300m, CoffeeLovers, Champions, 80m, 12);
        Score(db, first.Id, "Eve", 0.9, 100m, CoffeeLovers, Lost, 5m, 300);
        Score(db, first.Id, "Cat", 0.4, 200m, TeaDrinkers, Champions, 40m, 30);
        Score(db, first.Id, "Dan", 0.5, 150m, OldTimers, Lost, 10m, 90);
        Score(db, first.Id, "Gus", 0.6, 50m, null, Lost, 0m, null);
        Member(db, first.Id, CoffeeLovers, "Ann", null);
        Member(db, first.Id, CoffeeLovers, "Ben", null);
        Member(db, first.Id, CoffeeLovers, "Eve", null);
        Member(db, first.Id, TeaDrinkers, "Cat", null);
        Member(db, first.Id, OldTimers, "Dan", null);
        db.SegmentSnapshots.AddRange(
            new SegmentSnapshot(first.Id, CoffeeLovers, 3, 266.67m, 46.67, "{}"),
            new SegmentSnapshot(first.Id, TeaDrinkers, 1, 200m, 40, "{}"),
            new SegmentSnapshot(first.Id, OldTimers, 1, 150m, 50, "{}"));

        // Run 2: Coffee lovers are Ann (10), Cat (50), Fay (80) and Gus (30): CLV 500 + 300 + 100 + 100 = 1,000, spend 100 + 50 + 20 + 30.
        Score(db, second.Id, "Ann", 0.10, 500m, CoffeeLovers, Champions, 100m, 5);
        Score(db, second.Id, "Cat", 0.50, 300m, CoffeeLovers, Champions, 50m, 40);
        Score(db, second.Id, "Fay", 0.80, 100m, CoffeeLovers, Lost, 20m, null);
        Score(db, second.Id, "Gus", 0.30, 100m, CoffeeLovers, Champions, 30m, 200);
        Score(db, second.Id, "Ben", 0.35, 250m, TeaDrinkers, Champions, 90m, 31);
        Score(db, second.Id, "Dan", 0.55, 120m, Newcomers, Lost, 8m, 95);
        Member(db, second.Id, CoffeeLovers, "Ann", CoffeeLovers);
        Member(db, second.Id, CoffeeLovers, "Cat", TeaDrinkers);
        Member(db, second.Id, CoffeeLovers, "Fay", null);
        Member(db, second.Id, CoffeeLovers, "Gus", null);
        Member(db, second.Id, TeaDrinkers, "Ben", CoffeeLovers);
        Member(db, second.Id, Newcomers, "Dan", OldTimers);
        db.SegmentSnapshots.AddRange(
            new SegmentSnapshot(second.Id, CoffeeLovers, 4, 250m, 42.5, ProfileJson),
            new SegmentSnapshot(second.Id, TeaDrinkers, 1, 250m, 35, "{}"),
            new SegmentSnapshot(second.Id, Newcomers, 1, 120m, 55, "{}"),
            new SegmentSnapshot(second.Id, Champions, 4, 287.5m, 31.25, "{}"));

        first.Succeed(FirstCutoff.AddHours(2), 6, "{}");
        second.Succeed(SecondCutoff.AddHours(2), 6, "{}");
        second.MakeCurrent();
        await db.SaveChangesAsync();
    }

    private void Score(LoyaltyDbContext db, long run, string who, double churn, decimal clv, long? micro, long rfm, decimal spend, int? daysSince)
    {
        var score = new CustomerScore(run, Customer[who], churn, ChurnRiskThresholds.Default, "[]", 0.5, 1, 10m, clv,
            new RfmScore(3, 3, 3), micro, rfm, "[]");
        score.RecordActivity(spend, 0m, daysSince);
        db.CustomerScores.Add(score);
    }

    private void Member(LoyaltyDbContext db, long run, long segment, string who, long? previous) =>
        db.SegmentMemberships.Add(new SegmentMembership(run, segment, Customer[who], previous));
}

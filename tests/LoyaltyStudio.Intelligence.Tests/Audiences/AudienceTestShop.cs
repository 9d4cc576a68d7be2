using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>
/// Six customers in a real SQLite file, with an older scoring run (everyone High risk, CLV 10,000, Champions) and the
/// current one. Current scores (churn score, band, CLV, micro, RFM) and orders (days before <see cref="Now"/>):
/// <code>
/// Ada  GOLD   North From25To34 e-mail            profiling  80 High   600  micro:1 at-risk    Online 10d coffee 30; Store 200d tea 10
/// Ben  SILVER North From35To44 e-mail            profiling  75 High   400  micro:2 at-risk    App 100d tea 20
/// Cleo GOLD   South From25To34 SMS               profiling  10 Low    900  micro:1 champions  Online 5d coffee 10 + tea 10; Online 400d coffee 50
/// Dan  BRONZE South Under25    e-mail            NO profil. 90 High  1000  micro:2 champions  Store 30d coffee 10
/// Eve  BRONZE North Unknown    e-mail, push      profiling  (not in the current run)          no orders
/// Finn SILVER East  From45To54 (none)            profiling  50 Medium 250  -       -          App 60d coffee 20 + tea 10
/// </code>
/// Signed up (months before <see cref="Now"/>) and through: Ada 24 Online, Ben 14 App, Cleo exactly 12 Store, Dan 2 Store,
/// Eve 5 App, Finn 40 Online.
/// Coffee share of last-365-day spend: Ada 75 %, Cleo 50 %, Dan 100 %, Finn 66.7 %; tea: Ada 25 %, Ben 100 %, Cleo 50 %, Finn 33.3 %.
/// </summary>
public sealed class AudienceTestShop : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private AudienceTestShop(SqliteTestDatabase database, IReadOnlyDictionary<string, long> customerIds)
    {
        Database = database;
        CustomerIds = customerIds;
    }

    public SqliteTestDatabase Database { get; }

    /// <summary>Customer id by first name.</summary>
    public IReadOnlyDictionary<string, long> CustomerIds { get; }

    public TimeProvider Clock { get; } = new FixedClock(Now);

    public static async Task<AudienceTestShop> CreateAsync()
    {
        var db = await SqliteTestDatabase.CreateAsync();
        var tiers = await db.AddAsync(new Tier("BRONZE", "Bronze", 0, 0m, 1m), new Tier("SILVER", "Silver", 1, 500m, 1.2m), new Tier("GOLD", "Gold", 2, 1500m, 1.5m));
        var tier = tiers.ToDictionary(t => t.Code);
        var categories = await db.AddAsync(new Category("coffee", "Coffee"), new Category("tea", "Tea"));
        var products = await db.AddAsync(new Product("P-COFFEE", "House roast", categories[0].Id, 10m), new Product("P-TEA", "Earl grey", categories[1].Id, 10m));
        var (coffee, tea) = (products[0].Id, products[1].Id);
        var segments = (await db.AddAsync(
            new Segment(SegmentKind.Rfm, "rfm:champions", "Champions", "", Now.AddYears(-1)),
            new Segment(SegmentKind.Rfm, "rfm:at-risk", "At risk", "", Now.AddYears(-1)),
            new Segment(SegmentKind.Micro, "micro:1", "Coffee regulars", "", Now.AddYears(-1)),
            new Segment(SegmentKind.Micro, "micro:2", "Tea lovers", "", Now.AddYears(-1)))).ToDictionary(s => s.Key, s => s.Id);

        var signups = new Dictionary<string, (int MonthsAgo, SalesChannel Channel)>
        {
            ["Ada"] = (24, SalesChannel.Online), ["Ben"] = (14, SalesChannel.App), ["Cleo"] = (12, SalesChannel.Store),
            ["Dan"] = (2, SalesChannel.Store), ["Eve"] = (5, SalesChannel.App), ["Finn"] = (40, SalesChannel.Online),
        };
        Customer Person(string name, string tierCode, string region, AgeBand age, bool email, bool sms, bool push, bool profiling)
        {
            var (monthsAgo, channel) = signups[name];
            var customer = new Customer($"C-{name}", name, "Test", $"{name.ToLowerInvariant()}@example.test", null, age, region,
                Now.AddMonths(-monthsAgo), channel, new Consent(email, sms, push, profiling, Now.AddYears(-2)));
            customer.MoveToTier(tier[tierCode]);
            return customer;
        }
        var customers = await db.AddAsync(
            Person("Ada", "GOLD", "North", AgeBand.From25To34, email: true, sms: false, push: false, profiling: true),
            Person("Ben", "SILVER", "North", AgeBand.From35To44, email: true, sms: false, push: false, profiling: true),
            Person("Cleo", "GOLD", "South", AgeBand.From25To34, email: false, sms: true, push: false, profiling: true),
            Person("Dan", "BRONZE", "South", AgeBand.Under25, email: true, sms: false, push: false, profiling: false),
            Person("Eve", "BRONZE", "North", AgeBand.Unknown, email: true, sms: false, push: true, profiling: true),
            Person("Finn", "SILVER", "East", AgeBand.From45To54, email: false, sms: false, push: false, profiling: true));
        var id = customers.ToDictionary(c => c.FirstName, c => c.Id);

        var orderNumber = 0;
        Order Bought(string name, double daysAgo, SalesChannel channel, params (int Product, int Quantity)[] lines)
        {
            var order = new Order($"O-{++orderNumber}", id[name], Now.AddDays(-daysAgo), channel);
            foreach (var (product, quantity) in lines)
                order.AddLine(product, quantity, 10m);
            return order;
        }
        await db.AddAsync(
            Bought("Ada", 10, SalesChannel.Online, (coffee, 3)),
            Bought("Ada", 200, SalesChannel.Store, (tea, 1)),
            Bought("Ben", 100, SalesChannel.App, (tea, 2)),
            Bought("Cleo", 5, SalesChannel.Online, (coffee, 1), (tea, 1)),
            Bought("Cleo", 400, SalesChannel.Online, (coffee, 5)),
            Bought("Dan", 30, SalesChannel.Store, (coffee, 1)),
            Bought("Finn", 60, SalesChannel.App, (coffee, 2), (tea, 1)));

        var older = new ScoringRun(Now.AddDays(-40), Now.AddDays(-40), "test");
        older.Succeed(Now.AddDays(-40), customers.Length, "{}");
        var current = new ScoringRun(Now.AddDays(-1), Now.AddDays(-1), "test");
        current.Succeed(Now.AddDays(-1), 5, "{}");
        current.MakeCurrent();
        await db.AddAsync(older, current);

        CustomerScore Score(ScoringRun run, string name, double churn, decimal clv, string? micro, string? rfm) =>
            new(run.Id, id[name], churn, ChurnRiskThresholds.Default, "[]", 0.5, 1.0, 20m, clv, new RfmScore(3, 3, 3),
                micro is null ? null : segments[micro], rfm is null ? null : segments[rfm], "[]");
        await db.AddAsync([.. customers.Select(c => Score(older, c.FirstName, 0.99, 10_000m, "micro:1", "rfm:champions"))]);
        await db.AddAsync(
            Score(current, "Ada", 0.80, 600m, "micro:1", "rfm:at-risk"),
            Score(current, "Ben", 0.75, 400m, "micro:2", "rfm:at-risk"),
            Score(current, "Cleo", 0.10, 900m, "micro:1", "rfm:champions"),
            Score(current, "Dan", 0.90, 1000m, "micro:2", "rfm:champions"),
            Score(current, "Finn", 0.50, 250m, null, null));
        return new AudienceTestShop(db, id);
    }

    /// <summary>The first names of <paramref name="customerIds"/>, sorted, comma-separated.</summary>
    public string Names(IEnumerable<long> customerIds) =>
        string.Join(",", CustomerIds.Where(p => customerIds.Contains(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal));

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}

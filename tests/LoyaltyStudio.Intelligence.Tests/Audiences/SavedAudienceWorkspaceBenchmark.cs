using System.Diagnostics;
using LoyaltyStudio.Data;
using LoyaltyStudio.Intelligence.Audiences;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static LoyaltyStudio.Intelligence.Audiences.AudienceOperator;

namespace LoyaltyStudio.Intelligence.Tests.Audiences;

/// <summary>A fact that runs only when <see cref="Variable"/> names the scored 100,000-customer benchmark file.</summary>
public sealed class WorkspaceBenchDbFactAttribute : FactAttribute
{
    public const string Variable = "LOYALTY_WORKSPACE_BENCH_DB";

    public WorkspaceBenchDbFactAttribute()
    {
        if (!File.Exists(Environment.GetEnvironmentVariable(Variable) ?? ""))
            Skip = $"Benchmark: set {Variable} to the scored 100,000-customer SQLite file to time audience evaluation on it.";
    }
}

/// <summary>
/// Times <see cref="SavedAudienceService"/> on a copy of the scored 100,000-customer benchmark file, as the audience
/// pages call it: the builder's live evaluation (size, CLV and an 8-customer preview) for several rule shapes and the
/// list of saved audiences with their sizes. The first call cold, then the median of five warm calls; prints each
/// statement's plan. Asserts only that the answers are real.
/// </summary>
public sealed class SavedAudienceWorkspaceBenchmark(ITestOutputHelper output)
{
    // The benchmark data ends on 2026-06-30; "days ago" and the affinity window count from the next morning.
    private static readonly DateTime Now = new(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, AudienceRuleGroup Root)[] Shapes =
    [
        ("e-mail subscribers (the simulator's audiences)", AudienceRuleGroup.All(AudienceCondition.Of("consentEmail", Is, "yes"))),
        ("High risk AND e-mail", AudienceRuleGroup.All(AudienceCondition.Of("riskBand", Is, "High"), AudienceCondition.Of("consentEmail", Is, "yes"))),
        ("High risk", AudienceRuleGroup.All(AudienceCondition.Of("riskBand", Is, "High"))),
        ("CLV >= 200", AudienceRuleGroup.All(AudienceCondition.Of("clv", AtLeast, "200"))),
        ("Champions or loyal", AudienceRuleGroup.All(AudienceCondition.OneOf("rfmSegment", "rfm:champions", "rfm:loyal"))),
        ("tier GOLD (no score needed)", AudienceRuleGroup.All(AudienceCondition.Of("tier", Is, "GOLD"))),
        ("e-mail OR High risk", AudienceRuleGroup.Any(AudienceCondition.Of("consentEmail", Is, "yes"), AudienceCondition.Of("riskBand", Is, "High"))),
        ("last purchase <= 90 d AND bought in App", AudienceRuleGroup.All(
            AudienceCondition.Of("lastPurchaseDaysAgo", AtMost, "90"), AudienceCondition.Of("boughtInChannel", Is, "App"))),
        ("coffee >= 30 % of spend", AudienceRuleGroup.All(new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "COFFEE" })),
        ("High risk AND coffee >= 30 %", AudienceRuleGroup.All(AudienceCondition.Of("riskBand", Is, "High"),
            new AudienceCondition { Field = "categoryAffinity", Operator = AtLeast, Value = "30", Argument = "COFFEE" })),
    ];

    [WorkspaceBenchDbFact]
    public async Task Audience_evaluation_and_list_at_100k()
    {
        var folder = Path.Combine(Path.GetTempPath(), "audience-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "loyalty.db");
            File.Copy(Environment.GetEnvironmentVariable(WorkspaceBenchDbFactAttribute.Variable)!, file);
            var connection = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            var factory = new LoyaltyDbContextFactory(DatabaseProvider.Sqlite, connection);
            await using (var db = factory.CreateDbContext())
                await db.Database.MigrateAsync();
            var service = new SavedAudienceService(factory, new FixedClock(Now));
            // A file generated before the simulator wrote version-1 rules: give its past-campaign audiences the rules
            // the simulator writes now, so the list times what a freshly generated demo lists.
            await using (var db = factory.CreateDbContext())
            {
                var upgraded = AudienceRulesJson.Write(AudienceRules.Of(Shapes[0].Root));
                await db.SavedAudiences.Where(a => a.RulesJson.StartsWith("{\"rules\"")).ExecuteUpdateAsync(u => u.SetProperty(a => a.RulesJson, upgraded));
            }

            output.WriteLine($"{"call",-52} {"customers",10} {"cold ms",8} {"warm ms",8}");
            foreach (var (name, root) in Shapes)
            {
                var rules = AudienceRules.Of(root);
                await TimeAsync($"evaluate+preview: {name}", async () => (await service.EvaluateAsync(rules, 8)).Size.Customers);
            }
            foreach (var (name, root) in Shapes.Skip(1).Take(4))
                await service.CreateAsync("bench " + name, AudienceRules.Of(root), "bench");
            await TimeAsync("list (4 bench audiences + the simulator's)", async () => (await service.ListAsync()).Count);

            await PlansAsync(factory);
            output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task PlansAsync(LoyaltyDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var reference = await AudienceReferenceData.LoadAsync(db, withRegions: false, CancellationToken.None);
        foreach (var (name, root) in new[] { Shapes[0], Shapes[1], Shapes[5], Shapes[8] })
        {
            var members = AudienceQuery.Members(db, AudienceRuleValidator.Validate(AudienceRules.Of(root), reference), Now);
            foreach (var sql in new[] { AudienceQuery.SizeByProfilingConsent(members).ToQueryString(), AudienceQuery.CustomerIds(members).Take(8).ToQueryString() })
            {
                output.WriteLine($"--- {name}");
                output.WriteLine(sql);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                var lines = sql.Split('\n');
                foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
                {
                    var parts = line[".param set ".Length..].Split(' ', 2);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = parts[0];
                    parameter.Value = parts[1].Trim('\'');
                    command.Parameters.Add(parameter);
                }
                command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
                await db.Database.OpenConnectionAsync();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    output.WriteLine($"  plan: {reader.GetString(3)}");
            }
        }
    }

    private async Task TimeAsync(string what, Func<Task<int>> call)
    {
        var watch = Stopwatch.StartNew();
        var customers = await call();
        var cold = watch.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            Assert.Equal(customers, await call());
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        output.WriteLine($"{what,-52} {customers,10:N0} {cold,8:0} {warm[2],8:0}");
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}

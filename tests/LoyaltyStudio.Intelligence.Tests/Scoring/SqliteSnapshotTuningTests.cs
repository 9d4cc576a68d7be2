using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Intelligence.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Scoring;

/// <summary>The snapshot write switches SQLite's foreign keys off for speed; the run's references are checked once instead.</summary>
public sealed class SqliteSnapshotTuningTests : IAsyncLifetime
{
    private static readonly DateTime Cutoff = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static CustomerScore Score(long runId, long customerId) =>
        new(runId, customerId, 0.5, ChurnRiskThresholds.Default, "[]", 0.5, 1.0, 20m, 100m, new RfmScore(3, 3, 3), null, null, "[]");

    private static async Task<long> PragmaAsync(LoyaltyStudio.Data.LoyaltyDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_score_naming_a_customer_that_does_not_exist_fails_the_check_and_names_the_customer()
    {
        var run = (await _db.AddAsync(new ScoringRun(Cutoff, Cutoff, "test")))[0];
        await using var db = _db.CreateContext();
        await using var tuning = await SqliteSnapshotTuning.ApplyAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.CustomerScores.Add(Score(run.Id, customerId: 424242)); // no such customer: the foreign key is not enforced now
        await db.SaveChangesAsync();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => tuning.CheckReferencesAsync(run.Id, CancellationToken.None));

        Assert.Contains("Customer 424242 was deleted while scoring run", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_of_existing_customers_pass_the_check_and_the_connection_gets_its_foreign_keys_back()
    {
        var run = (await _db.AddAsync(new ScoringRun(Cutoff, Cutoff, "test")))[0];
        var customer = (await _db.AddAsync(new Customer("C-1", "Ada", "Lovelace", "ada@example.com", null, AgeBand.From25To34, "North",
            Cutoff.AddYears(-1), SalesChannel.Online, new Consent(true, false, false, true, Cutoff.AddYears(-1)))))[0];
        await using (var db = _db.CreateContext())
        {
            await using var tuning = await SqliteSnapshotTuning.ApplyAsync(db, CancellationToken.None);
            Assert.Equal(0, await PragmaAsync(db, "foreign_keys"));
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.CustomerScores.Add(Score(run.Id, customer.Id));
            await db.SaveChangesAsync();
            await tuning.CheckReferencesAsync(run.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var next = _db.CreateContext();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(1, await PragmaAsync(next, "foreign_keys"));
        Assert.Equal(-2000, await PragmaAsync(next, "cache_size"));
        Assert.Equal(1, await next.CustomerScores.CountAsync(s => s.ScoringRunId == run.Id));
    }
}

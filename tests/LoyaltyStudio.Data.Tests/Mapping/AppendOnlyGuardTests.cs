using LoyaltyStudio.Data.Tests.Infrastructure;
using LoyaltyStudio.Domain.Audit;
using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Mapping;

public class AppendOnlyGuardTests
{
    private static readonly DateTime At = new(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc);

    private static async Task<(SqliteTestDatabase Db, long CustomerId, long EntryId)> DatabaseWithOneLedgerEntryAsync()
    {
        var db = await SqliteTestDatabase.CreateAsync();
        var customer = (await db.AddAsync(Sample.Customer("C-LEDGER")))[0];
        var entry = new PointsLedger(customer.Id).Earn(120, At, note: "welcome bonus");
        await db.AddAsync(entry);
        return (db, customer.Id, entry.Id);
    }

    private static async Task<(SqliteTestDatabase Db, long EntryId)> DatabaseWithOneAuditEntryAsync()
    {
        var db = await SqliteTestDatabase.CreateAsync();
        var entry = new AuditEntry(At, "admin@demo.local", "campaign.approve", "Campaign", "7", null);
        await db.AddAsync(entry);
        return (db, entry.Id);
    }

    [Fact]
    public async Task Changing_a_ledger_entry_is_refused_and_the_row_is_unchanged()
    {
        var (db, customerId, entryId) = await DatabaseWithOneLedgerEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            var entry = await context.PointsLedger.SingleAsync(p => p.Id == entryId);
            context.Entry(entry).Property(p => p.Points).CurrentValue = 999_999;
            var ex = await Assert.ThrowsAsync<AppendOnlyViolationException>(() => context.SaveChangesAsync());
            Assert.Contains("points ledger entry", ex.Message, StringComparison.Ordinal);
            Assert.Contains("adjustment", ex.Message, StringComparison.Ordinal);
        }

        await using var check = db.CreateContext();
        Assert.Equal(120, (await check.PointsLedger.SingleAsync(p => p.Id == entryId)).Points);
        Assert.Equal(120, await check.PointsLedger.Where(p => p.CustomerId == customerId).SumAsync(p => p.Points));
    }

    [Fact]
    public async Task Deleting_a_ledger_entry_is_refused_and_the_row_stays()
    {
        var (db, _, entryId) = await DatabaseWithOneLedgerEntryAsync();
        await using var __ = db;

        await using (var context = db.CreateContext())
        {
            context.PointsLedger.Remove(await context.PointsLedger.SingleAsync(p => p.Id == entryId));
            var ex = Assert.Throws<AppendOnlyViolationException>(() => context.SaveChanges());
            Assert.Contains("cannot be deleted", ex.Message, StringComparison.Ordinal);
        }

        await using var check = db.CreateContext();
        Assert.True(await check.PointsLedger.AnyAsync(p => p.Id == entryId));
    }

    [Fact]
    public async Task Changing_an_audit_entry_is_refused_and_the_row_is_unchanged()
    {
        var (db, entryId) = await DatabaseWithOneAuditEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            var entry = await context.AuditEntries.SingleAsync(a => a.Id == entryId);
            context.Entry(entry).Property(a => a.Actor).CurrentValue = "someone-else";
            var ex = await Assert.ThrowsAsync<AppendOnlyViolationException>(() => context.SaveChangesAsync());
            Assert.Contains("audit entry", ex.Message, StringComparison.Ordinal);
        }

        await using var check = db.CreateContext();
        Assert.Equal("admin@demo.local", (await check.AuditEntries.SingleAsync(a => a.Id == entryId)).Actor);
    }

    [Fact]
    public async Task Deleting_an_audit_entry_is_refused_and_the_row_stays()
    {
        var (db, entryId) = await DatabaseWithOneAuditEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            context.AuditEntries.Remove(await context.AuditEntries.SingleAsync(a => a.Id == entryId));
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() => context.SaveChangesAsync());
        }

        await using var check = db.CreateContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task New_ledger_and_audit_entries_are_saved_alongside_each_other()
    {
        var (db, customerId, _) = await DatabaseWithOneLedgerEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            var existing = await context.PointsLedger.Where(p => p.CustomerId == customerId).ToListAsync();
            var ledger = new PointsLedger(customerId, existing);
            context.PointsLedger.Add(ledger.Redeem(50, At.AddDays(1)));
            context.AuditEntries.Add(new AuditEntry(At.AddDays(1), "support@demo.local", "points.redeem", "Customer", customerId.ToString(), "50"));
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        Assert.Equal(70, await check.PointsLedger.Where(p => p.CustomerId == customerId).SumAsync(p => p.Points));
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Deleting_a_customer_with_ledger_entries_does_not_cascade_into_the_ledger()
    {
        var (db, customerId, entryId) = await DatabaseWithOneLedgerEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            context.Customers.Remove(await context.Customers.SingleAsync(c => c.Id == customerId));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using var check = db.CreateContext();
        Assert.True(await check.PointsLedger.AnyAsync(p => p.Id == entryId));
        Assert.True(await check.Customers.AnyAsync(c => c.Id == customerId));
    }

    [Theory]
    [InlineData("UPDATE PointsLedger SET Points = 5000")]
    [InlineData("DELETE FROM PointsLedger")]
    public async Task Raw_SQL_cannot_rewrite_the_ledger_either(string sql)
    {
        var (db, customerId, _) = await DatabaseWithOneLedgerEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
        {
            var ex = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => context.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        }

        await using var check = db.CreateContext();
        Assert.Equal(120, await check.PointsLedger.Where(p => p.CustomerId == customerId).SumAsync(p => p.Points));
    }

    [Theory]
    [InlineData("UPDATE AuditEntries SET Actor = 'nobody'")]
    [InlineData("DELETE FROM AuditEntries")]
    public async Task Raw_SQL_cannot_rewrite_the_audit_trail_either(string sql)
    {
        var (db, entryId) = await DatabaseWithOneAuditEntryAsync();
        await using var _ = db;

        await using (var context = db.CreateContext())
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => context.Database.ExecuteSqlRawAsync(sql));

        await using var check = db.CreateContext();
        Assert.Equal("admin@demo.local", (await check.AuditEntries.SingleAsync(a => a.Id == entryId)).Actor);
    }
}

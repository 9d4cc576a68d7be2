using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Domain.Tests.Loyalty;

public class PointsLedgerTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_ledger_has_no_entries_and_a_zero_balance()
    {
        var ledger = new PointsLedger(7);

        Assert.Equal(7, ledger.CustomerId);
        Assert.Empty(ledger.Entries);
        Assert.Equal(0, ledger.Balance);
    }

    [Fact]
    public void Balance_is_the_sum_of_signed_entries()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(500, T0, orderId: 10);
        ledger.Redeem(120, T0.AddDays(1));
        ledger.Expire(30, T0.AddDays(2));
        ledger.Adjust(-50, T0.AddDays(3), "goodwill reversed");
        ledger.Adjust(25, T0.AddDays(4), "late order points");

        Assert.Equal(325, ledger.Balance);
        Assert.Equal(ledger.Entries.Sum(e => e.Points), ledger.Balance);
        Assert.Equal([500, -120, -30, -50, 25], ledger.Entries.Select(e => e.Points));
        Assert.Equal(
            [PointsEntryType.Earn, PointsEntryType.Redeem, PointsEntryType.Expire, PointsEntryType.Adjust, PointsEntryType.Adjust],
            ledger.Entries.Select(e => e.Type));
    }

    [Fact]
    public void Balance_of_a_loaded_ledger_is_derived_from_its_stored_entries()
    {
        var original = new PointsLedger(3);
        original.Earn(200, T0);
        original.Redeem(80, T0.AddHours(1));

        var reloaded = new PointsLedger(3, original.Entries);

        Assert.Equal(120, reloaded.Balance);
        Assert.Equal(2, reloaded.Entries.Count);
    }

    [Fact]
    public void Entries_of_another_customer_are_refused_when_loading()
    {
        var other = new PointsLedger(4);
        other.Earn(10, T0);

        var ex = Assert.Throws<DomainException>(() => new PointsLedger(5, other.Entries));

        Assert.Contains("customer 4, not 5", ex.Message);
    }

    [Fact]
    public void Earn_records_order_note_time_and_customer()
    {
        var ledger = new PointsLedger(9);

        var entry = ledger.Earn(40, T0, orderId: 77, note: "order 77");

        Assert.Equal(9, entry.CustomerId);
        Assert.Equal(T0, entry.OccurredAt);
        Assert.Equal(77, entry.OrderId);
        Assert.Equal("order 77", entry.Note);
        Assert.Equal(PointsEntryType.Earn, entry.Type);
        Assert.Equal(40, entry.Points);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Earning_zero_or_negative_points_is_refused(int points)
    {
        var ledger = new PointsLedger(1);

        var ex = Assert.Throws<DomainException>(() => ledger.Earn(points, T0));

        Assert.Contains($"not {points}", ex.Message);
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public void Redemption_up_to_the_whole_balance_is_allowed()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);

        var entry = ledger.Redeem(100, T0.AddMinutes(5), orderId: 12);

        Assert.Equal(0, ledger.Balance);
        Assert.Equal(-100, entry.Points);
        Assert.Equal(12, entry.OrderId);
    }

    [Fact]
    public void Redemption_beyond_balance_is_refused()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);

        var ex = Assert.Throws<DomainException>(() => ledger.Redeem(101, T0.AddMinutes(5)));

        Assert.Contains("101", ex.Message);
        Assert.Contains("balance is only 100", ex.Message);
        Assert.Equal(100, ledger.Balance);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public void Redemption_on_an_empty_ledger_is_refused()
    {
        var ledger = new PointsLedger(1);

        var ex = Assert.Throws<DomainException>(() => ledger.Redeem(1, T0));

        Assert.Contains("balance is only 0", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Redeeming_zero_or_negative_points_is_refused(int points)
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);

        Assert.Throws<DomainException>(() => ledger.Redeem(points, T0.AddMinutes(1)));
        Assert.Equal(100, ledger.Balance);
    }

    [Fact]
    public void Expiry_lowers_the_balance_with_a_negative_expire_entry()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(300, T0);

        var entry = ledger.Expire(300, T0.AddDays(365), "unused for a year");

        Assert.Equal(PointsEntryType.Expire, entry.Type);
        Assert.Equal(-300, entry.Points);
        Assert.Null(entry.OrderId);
        Assert.Equal("unused for a year", entry.Note);
        Assert.Equal(0, ledger.Balance);
    }

    [Fact]
    public void Expiring_more_than_the_balance_is_refused()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(50, T0);

        var ex = Assert.Throws<DomainException>(() => ledger.Expire(51, T0.AddDays(1)));

        Assert.Contains("51", ex.Message);
        Assert.Contains("balance is only 50", ex.Message);
        Assert.Equal(50, ledger.Balance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Expiring_zero_or_negative_points_is_refused(int points)
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(50, T0);

        Assert.Throws<DomainException>(() => ledger.Expire(points, T0.AddDays(1)));
    }

    [Fact]
    public void Adjustment_that_would_take_the_balance_below_zero_is_refused()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(20, T0);

        var ex = Assert.Throws<DomainException>(() => ledger.Adjust(-21, T0.AddDays(1), "correction"));

        Assert.Contains("-21", ex.Message);
        Assert.Contains("balance of 20", ex.Message);
        Assert.Equal(20, ledger.Balance);
    }

    [Fact]
    public void Adjustment_down_to_exactly_zero_is_allowed_and_keeps_its_reason()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(20, T0);

        var entry = ledger.Adjust(-20, T0.AddDays(1), "duplicate order");

        Assert.Equal(0, ledger.Balance);
        Assert.Equal("duplicate order", entry.Note);
    }

    [Fact]
    public void Adjustment_of_zero_points_is_refused()
    {
        var ledger = new PointsLedger(1);

        Assert.Throws<DomainException>(() => ledger.Adjust(0, T0, "nothing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Adjustment_without_a_reason_is_refused(string reason)
    {
        var ledger = new PointsLedger(1);

        var ex = Assert.Throws<DomainException>(() => ledger.Adjust(10, T0, reason));

        Assert.Contains("reason", ex.Message);
    }

    [Fact]
    public void Entry_dated_before_the_last_entry_is_refused()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);

        var ex = Assert.Throws<DomainException>(() => ledger.Earn(10, T0.AddSeconds(-1)));

        Assert.Contains("cannot come before the last entry", ex.Message);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public void Entries_at_the_same_moment_are_allowed_and_kept_in_order_of_recording()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);
        ledger.Redeem(40, T0);

        Assert.Equal([100, -40], ledger.Entries.Select(e => e.Points));
    }

    [Fact]
    public void A_loaded_ledger_checks_new_entries_against_its_latest_entry_whatever_order_they_were_loaded_in()
    {
        var original = new PointsLedger(2);
        original.Earn(100, T0);
        original.Earn(50, T0.AddDays(10));

        var reloaded = new PointsLedger(2, original.Entries.Reverse());

        Assert.Equal([T0, T0.AddDays(10)], reloaded.Entries.Select(e => e.OccurredAt));
        Assert.Throws<DomainException>(() => reloaded.Earn(1, T0.AddDays(5)));
    }

    [Fact]
    public void Entries_cannot_be_changed_through_the_entries_list()
    {
        var ledger = new PointsLedger(1);
        ledger.Earn(100, T0);

        var asList = ledger.Entries as IList<PointsLedgerEntry>;

        Assert.True(asList is null || asList.IsReadOnly, "The entries list must not be writable by callers.");
        Assert.IsNotType<List<PointsLedgerEntry>>(ledger.Entries);
    }

    [Fact]
    public void Ledger_entries_have_no_public_setters_and_no_public_constructor()
    {
        var type = typeof(PointsLedgerEntry);

        var writable = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).ToList();

        Assert.Empty(writable);
        Assert.Empty(type.GetConstructors());
    }

    [Fact]
    public void Ledger_offers_no_way_to_remove_or_replace_entries()
    {
        var mutators = typeof(PointsLedger).GetMethods()
            .Where(m => m.DeclaringType == typeof(PointsLedger))
            .Select(m => m.Name)
            .Where(n => n.Contains("Remove", StringComparison.Ordinal) || n.Contains("Delete", StringComparison.Ordinal)
                || n.Contains("Update", StringComparison.Ordinal) || n.Contains("Clear", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(mutators);
    }
}

using LoyaltyStudio.Intelligence.Features;
using LoyaltyStudio.Intelligence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Intelligence.Tests.Features;

/// <summary>The builder on the demo-sized simulated program: finite values and counts that match direct queries.</summary>
[Collection(SimulatedLoyaltyDataGroup.Name)]
public sealed class SimulatedFeatureTests(SimulatedLoyaltyData data)
{
    [Fact]
    public async Task Features_of_the_simulated_program_are_finite_and_agree_with_direct_counts()
    {
        var cutoff = data.End.AddDays(-90);
        var from = cutoff.AddDays(-365);

        var table = await new SqlFeatureBuilder(data.Database.Factory).BuildAsync(cutoff);

        await using var context = data.Database.CreateContext();
        var buyers = await context.Orders.Where(o => o.OrderedAt < cutoff).Select(o => o.CustomerId).Distinct().OrderBy(id => id).ToArrayAsync();
        var orders365 = await context.Orders.Where(o => o.OrderedAt >= from && o.OrderedAt < cutoff)
            .GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var contacts365 = await context.SupportContacts.Where(s => s.OpenedAt >= from && s.OpenedAt < cutoff)
            .GroupBy(s => s.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var balances = await context.PointsLedger.Where(p => p.OccurredAt < cutoff)
            .GroupBy(p => p.CustomerId).Select(g => new { g.Key, Sum = g.Sum(p => p.Points) }).ToDictionaryAsync(g => g.Key, g => g.Sum);
        var categories = await context.Categories.CountAsync();

        Assert.True(buyers.Length > 1000, $"expected a few thousand buyers before {cutoff:d}, found {buyers.Length}");
        Assert.Equal(buyers, table.CustomerIds);
        Assert.Equal(FeatureNames.Fixed.Count + categories, table.Width);
        foreach (var value in table.Values)
            Assert.True(float.IsFinite(value));
        var shareColumns = Enumerable.Range(FeatureNames.Fixed.Count, categories).ToArray();
        for (var row = 0; row < table.Count; row++)
        {
            var id = table.CustomerIds[row];
            Assert.Equal(orders365.GetValueOrDefault(id), table[row, FeatureNames.Orders365]);
            Assert.Equal(contacts365.GetValueOrDefault(id), table[row, FeatureNames.SupportContacts365]);
            Assert.Equal(balances.GetValueOrDefault(id), table[row, FeatureNames.PointsBalance]);
            Assert.InRange(table[row, FeatureNames.RecencyDays], 0f, 730f);
            var channels = table[row, FeatureNames.ChannelShareOnline] + table[row, FeatureNames.ChannelShareApp] + table[row, FeatureNames.ChannelShareStore];
            Assert.Equal(1f, channels, 4);
            var shares = shareColumns.Sum(c => table[row, c]);
            Assert.True(table[row, FeatureNames.Spend365] > 0 ? Math.Abs(shares - 1) < 1e-4 : shares == 0,
                $"customer {id}: category shares sum to {shares} with a 365-day spend of {table[row, FeatureNames.Spend365]}");
            Assert.InRange(table[row, FeatureNames.CategoryShift], 0f, 1f);
        }
    }

    [Fact]
    public async Task A_later_cutoff_sees_more_customers_and_never_fewer_orders()
    {
        var builder = new SqlFeatureBuilder(data.Database.Factory);

        var early = await builder.BuildAsync(data.End.AddDays(-365));
        var late = await builder.BuildAsync(data.End);

        Assert.True(late.Count > early.Count);
        Assert.Empty(early.CustomerIds.Except(late.CustomerIds));
    }
}

using LoyaltyStudio.Intelligence.Segments;
using Xunit.Abstractions;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class MicroSegmenterTests(ITestOutputHelper output)
{
    private static readonly Lazy<(SegmentationResult Result, int[] Kind)> FiveKinds = new(() =>
    {
        var (table, kind) = SyntheticCustomers.Generate(perKind: 400, seed: 1);
        return (MicroSegmenter.Fit(table), kind);
    });

    [Fact]
    public void Each_kind_of_customer_ends_up_in_a_segment_of_its_own()
    {
        var (result, kind) = FiveKinds.Value;

        Assert.Equal(5, result.ClusterCount.K);
        Assert.Equal(5, result.Segments.Count);
        var keyOfKind = MajorityKeys(result, kind, 5);
        Assert.Equal(5, keyOfKind.Distinct().Count());
        var agreeing = Enumerable.Range(0, kind.Length).Count(i => result.KeyOf(i) == keyOfKind[kind[i]]);
        Assert.True(agreeing >= 0.98 * kind.Length, $"{agreeing} of {kind.Length} customers sit with their kind.");
    }

    [Fact]
    public void A_first_run_assigns_every_customer_and_numbers_the_segments_from_one_largest_first()
    {
        var (result, _) = FiveKinds.Value;

        Assert.Equal(result.CustomerIds.Length, result.SegmentKeys.Length);
        Assert.All(result.SegmentKeys, k => Assert.Contains(k, result.Segments.Select(s => s.Key)));
        Assert.Equal(["micro:1", "micro:2", "micro:3", "micro:4", "micro:5"], result.Segments.Select(s => s.Key).Order());
        Assert.Equal(result.Segments.Select(s => s.Members).OrderDescending(), result.Segments.Select(s => s.Members));
        Assert.Equal(result.CustomerIds.Length, result.Segments.Sum(s => s.Members));
        Assert.Empty(result.RetiredKeys);
    }

    [Fact]
    public void Segments_are_named_from_what_sets_their_customers_apart()
    {
        var (result, kind) = FiveKinds.Value;
        var keyOfKind = MajorityKeys(result, kind, 5);
        string NameOf(int k) => result.Segments.Single(s => s.Key == keyOfKind[k]).Name;
        foreach (var s in result.Segments)
            output.WriteLine($"{s.Key} {s.Name}: {s.Description}");

        Assert.Equal(5, result.Segments.Select(s => s.Name).Distinct().Count());
        Assert.StartsWith("App-first coffee", NameOf(0), StringComparison.Ordinal);
        Assert.EndsWith("discount seekers", NameOf(1), StringComparison.Ordinal);
        Assert.StartsWith("New store", NameOf(2), StringComparison.Ordinal);
        Assert.StartsWith("Online gifts", NameOf(3), StringComparison.Ordinal);
        Assert.StartsWith("Tea", NameOf(4), StringComparison.Ordinal);
        Assert.All(result.Segments, s => Assert.Contains(" % of customers, with ", s.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_table_and_seed_give_the_same_segments()
    {
        var (table, _) = SyntheticCustomers.Generate(perKind: 400, seed: 1);

        var again = MicroSegmenter.Fit(table);

        var (first, _) = FiveKinds.Value;
        Assert.Equal(first.SegmentKeys, again.SegmentKeys);
        Assert.Equal(first.Segments.Select(s => (s.Key, s.Name, s.Description)), again.Segments.Select(s => (s.Key, s.Name, s.Description)));
        Assert.Equal(first.Segments.Select(s => s.Centroid.ToJson()), again.Segments.Select(s => s.Centroid.ToJson()));
    }

    [Fact]
    public void Segments_keep_their_keys_when_the_data_is_redrawn_and_reshuffled()
    {
        var (first, firstKind) = FiveKinds.Value;
        var (table, kind) = SyntheticCustomers.Generate(perKind: 450, seed: 2, noise: 1.1);

        var second = MicroSegmenter.Fit(table, Previous(first));

        Assert.Equal(MajorityKeys(first, firstKind, 5), MajorityKeys(second, kind, 5));
        Assert.All(second.Segments, s => Assert.Equal(s.Key, s.PreviousKey));
        Assert.Empty(second.RetiredKeys);
    }

    [Fact]
    public void A_kind_that_disappears_retires_its_key_and_a_new_kind_gets_a_new_number()
    {
        var kinds = SyntheticCustomers.Kinds;
        var (oldTable, oldKind) = SyntheticCustomers.Generate(perKind: 400, seed: 3, kinds: kinds[..4]);
        var first = MicroSegmenter.Fit(oldTable);
        var (newTable, newKind) = SyntheticCustomers.Generate(perKind: 400, seed: 4, kinds: kinds[1..]);

        var second = MicroSegmenter.Fit(newTable, Previous(first));

        var before = MajorityKeys(first, oldKind, 4);
        var after = MajorityKeys(second, newKind, 4);
        Assert.Equal(before[1..], after[..3]);
        Assert.Equal("micro:5", after[3]);
        Assert.Equal([before[0]], second.RetiredKeys);
    }

    [Fact]
    public void Too_few_customers_are_refused_with_the_count_needed()
    {
        var (table, _) = SyntheticCustomers.Generate(perKind: 7, seed: 1);

        var error = Assert.Throws<InvalidOperationException>(() => MicroSegmenter.Fit(table));

        Assert.Contains("at least 40 customers", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 35", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segmenting_100000_customers_assigns_every_one_and_finds_the_five_kinds()
    {
        // How long this takes is measured by `loyalty bench score` (README), not asserted here: the machine is shared.
        var (table, _) = SyntheticCustomers.Generate(perKind: 20_000, seed: 5);

        var result = MicroSegmenter.Fit(table);

        Assert.Equal(100_000, result.SegmentKeys.Length);
        Assert.Equal(5, result.ClusterCount.K);
    }

    private static PreviousSegmentation Previous(SegmentationResult result) => new(
        [.. result.Segments.Select(s => new PreviousSegment(s.Key, SegmentCentroid.FromJson(s.Centroid.ToJson())))],
        [.. result.Segments.Select(s => s.Key)]);

    // The key most customers of each kind received.
    private static string[] MajorityKeys(SegmentationResult result, int[] kind, int kinds) =>
        [.. Enumerable.Range(0, kinds).Select(k => Enumerable.Range(0, kind.Length).Where(i => kind[i] == k)
            .GroupBy(result.KeyOf).OrderByDescending(g => g.Count()).First().Key)];
}

using LoyaltyStudio.Web.Features.Segments.Rfm;
using LoyaltyStudio.Web.Tests.Features.Segments.Audiences;

namespace LoyaltyStudio.Web.Tests.Features.Segments.Rfm;

public sealed class RfmViewServiceTests
{
    [Fact]
    public async Task Without_a_scoring_run_there_is_no_view()
    {
        await using var shop = await SegmentWorkspaceShop.WithoutRunAsync();

        Assert.Null(await new RfmViewService(shop.Database.Factory).GetAsync());
    }

    [Fact]
    public async Task Grid_counts_customers_and_spend_per_recency_and_frequency_cell_with_the_documented_segment_names()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();

        var view = (await new RfmViewService(shop.Database.Factory).GetAsync())!;

        Assert.Equal(new DateTime(2026, 7, 1), view.Cutoff);
        Assert.Equal(5, view.Customers);
        Assert.Equal(25, view.Cells.Count);
        Assert.Equal(960m, view.Revenue);
        Assert.Equal(new RfmCell(5, 5, "Champions", 1, 500m), view.Cell(5, 5));
        Assert.Equal(new RfmCell(5, 4, "Champions", 1, 300m), view.Cell(5, 4));
        Assert.Equal(new RfmCell(1, 3, "At risk", 1, 120m), view.Cell(1, 3));
        Assert.Equal(new RfmCell(1, 1, "Lost", 1, 0m), view.Cell(1, 1));
        Assert.Equal(new RfmCell(2, 2, "Hibernating", 1, 40m), view.Cell(2, 2));
        Assert.Equal(new RfmCell(3, 3, "Need attention", 0, 0m), view.Cell(3, 3));
    }

    [Fact]
    public async Task Segment_table_gives_size_share_spend_and_mean_clv_and_churn_of_the_current_run_best_segment_first()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();

        var rows = (await new RfmViewService(shop.Database.Factory).GetAsync())!.Segments;

        Assert.Equal(["Champions", "At risk", "Hibernating", "Lost"], rows.Select(r => r.Name));
        var champions = rows[0];
        Assert.Equal(2, champions.Customers);
        Assert.Equal(0.4, champions.Share, 6);
        Assert.Equal(800m, champions.Revenue);
        Assert.Equal(150m, champions.AverageLifetimeValue);
        Assert.Equal(15, champions.AverageChurnScore, 6);
        var lost = rows[3];
        Assert.Equal((1, 0m, 10m, 90.0), (lost.Customers, lost.Revenue, lost.AverageLifetimeValue, lost.AverageChurnScore));
    }

    [Fact]
    public async Task Movement_counts_customers_per_previous_and_current_rfm_segment_and_ignores_micro_segment_moves()
    {
        await using var shop = await SegmentWorkspaceShop.ScoredAsync();

        var movement = (await new RfmViewService(shop.Database.Factory).GetAsync())!.Movement!;

        Assert.Equal(new DateTime(2026, 6, 1), movement.PreviousCutoff);
        Assert.Equal(["Champions", "At risk", "Hibernating", "Lost"], movement.SegmentNames);
        Assert.Equal(1, movement.Between("At risk", "Champions"));
        Assert.Equal(1, movement.Between("Champions", "Champions"));
        Assert.Equal(1, movement.Between("Champions", "At risk"));
        Assert.Equal(1, movement.Between("Lost", "Lost"));
        Assert.Equal(1, movement.Between(null, "Hibernating"));
        Assert.Equal(5, movement.Moves.Sum(m => m.Customers));
        Assert.Equal(2, movement.Moved);
        Assert.Equal(1, movement.Arrived);
    }
}

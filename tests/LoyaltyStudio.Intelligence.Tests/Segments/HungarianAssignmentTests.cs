using LoyaltyStudio.Intelligence.Segments;

namespace LoyaltyStudio.Intelligence.Tests.Segments;

public sealed class HungarianAssignmentTests
{
    [Fact]
    public void The_classic_three_by_three_example_finds_the_cheapest_pairing()
    {
        var cost = new double[,] { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };

        var assignment = HungarianAssignment.Solve(cost);

        Assert.Equal([1, 0, 2], assignment);
        Assert.Equal(5, HungarianAssignment.TotalCost(cost, assignment));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    [InlineData(6, 6)]
    [InlineData(7, 7)]
    [InlineData(3, 6)]
    [InlineData(6, 3)]
    [InlineData(2, 5)]
    [InlineData(5, 4)]
    public void Random_matrices_get_the_minimum_total_found_by_trying_every_pairing(int rows, int columns)
    {
        var random = new Random((rows * 31) + columns);
        for (var trial = 0; trial < 40; trial++)
        {
            var cost = new double[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                    cost[i, j] = trial % 2 == 0 ? random.Next(0, 5) : random.NextDouble() * 10;
            }

            var assignment = HungarianAssignment.Solve(cost);

            Assert.Equal(BruteForceMinimum(cost), HungarianAssignment.TotalCost(cost, assignment), 9);
            var matched = assignment.Where(c => c >= 0).ToList();
            Assert.Equal(Math.Min(rows, columns), matched.Count);
            Assert.Equal(matched.Count, matched.Distinct().Count());
        }
    }

    [Fact]
    public void A_cost_that_is_not_finite_is_refused()
    {
        var cost = new double[,] { { 1, double.NaN } };

        var error = Assert.Throws<ArgumentException>(() => HungarianAssignment.Solve(cost));

        Assert.Contains("[0, 1]", error.Message, StringComparison.Ordinal);
    }

    private static double BruteForceMinimum(double[,] cost)
    {
        var rows = cost.GetLength(0);
        var columns = cost.GetLength(1);
        var best = double.PositiveInfinity;
        var usedColumns = new bool[columns];
        var matches = Math.Min(rows, columns);

        void Search(int row, int made, double total)
        {
            if (made == matches)
            {
                best = Math.Min(best, total);
                return;
            }
            if (row == rows)
                return;
            // Leave this row unmatched only when there are more rows than columns.
            if (rows - row - 1 >= matches - made)
                Search(row + 1, made, total);
            for (var j = 0; j < columns; j++)
            {
                if (usedColumns[j])
                    continue;
                usedColumns[j] = true;
                Search(row + 1, made + 1, total + cost[row, j]);
                usedColumns[j] = false;
            }
        }

        Search(0, 0, 0);
        return best;
    }
}

namespace LoyaltyStudio.Intelligence.Segments;

/// <summary>
/// The Hungarian algorithm (Kuhn–Munkres with row and column potentials, O(n²m)): pairs rows with columns of a cost
/// matrix so that the total cost is as small as possible. With more rows than columns, or the other way round, the
/// smaller side is matched in full and the rest stays unmatched.
/// </summary>
public static class HungarianAssignment
{
    /// <summary>For each row, the column it is paired with, or -1 when the row is left over.</summary>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var rows = cost.GetLength(0);
        var columns = cost.GetLength(1);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (!double.IsFinite(cost[i, j]))
                    throw new ArgumentException($"Cost [{i}, {j}] is {cost[i, j]}; costs must be finite.", nameof(cost));
            }
        }
        if (rows <= columns)
            return SolveWide(rows, columns, (i, j) => cost[i, j]);

        // Match every column to a row of the transposed problem, then turn the answer back round.
        var byColumn = SolveWide(columns, rows, (i, j) => cost[j, i]);
        var byRow = Enumerable.Repeat(-1, rows).ToArray();
        for (var j = 0; j < columns; j++)
            byRow[byColumn[j]] = j;
        return byRow;
    }

    /// <summary>The total cost of an assignment from <see cref="Solve"/>.</summary>
    public static double TotalCost(double[,] cost, int[] assignment)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(assignment);
        var total = 0.0;
        for (var i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] >= 0)
                total += cost[i, assignment[i]];
        }
        return total;
    }

    // n ≤ m. Arrays are 1-based as in the textbook form; column 0 is the virtual start of each augmenting path.
    private static int[] SolveWide(int n, int m, Func<int, int, double> cost)
    {
        var u = new double[n + 1];
        var v = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var way = new int[m + 1];
        var minSlack = new double[m + 1];
        var used = new bool[m + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOfColumn[0] = i;
            var column = 0;
            Array.Fill(minSlack, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[column] = true;
                var row = rowOfColumn[column];
                var delta = double.PositiveInfinity;
                var next = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                        continue;
                    var slack = cost(row - 1, j - 1) - u[row] - v[j];
                    if (slack < minSlack[j])
                    {
                        minSlack[j] = slack;
                        way[j] = column;
                    }
                    if (minSlack[j] < delta)
                    {
                        delta = minSlack[j];
                        next = j;
                    }
                }
                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minSlack[j] -= delta;
                    }
                }
                column = next;
            }
            while (rowOfColumn[column] != 0);
            do
            {
                var previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }
        var assignment = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0)
                assignment[rowOfColumn[j] - 1] = j - 1;
        }
        return assignment;
    }
}

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Orders worth exactly their Gamma-Gamma draw (<see cref="SimulationParameters.ExactSpend"/>): a basket filled to the
/// shelf total nearest the draw, then priced at one price level per order so that its lines add up to the draw to the cent.
/// </summary>
internal sealed partial class CustomerSimulation
{
    /// <summary>
    /// Adds units round-robin over <paramref name="products"/> (cheapest first) while they fit, skipping a product that no
    /// longer fits but not stopping at it, then one more unit of the cheapest when that brings the shelf total nearer to
    /// <paramref name="target"/>. The shelf total is then within half the cheapest product's price of the target, or
    /// nothing fits and the caller forces one unit.
    /// </summary>
    private void FillNearest(decimal target, ReadOnlySpan<int> products, Span<int> quantities)
    {
        var sum = 0m;
        for (var added = true; added;)
        {
            added = false;
            for (var i = 0; i < products.Length; i++)
            {
                var price = _catalogue.Products[products[i]].UnitPrice;
                if (sum + price > target)
                    continue;
                quantities[i]++;
                sum += price;
                added = true;
            }
        }
        if (2 * (target - sum) > _catalogue.Products[products[0]].UnitPrice)
            quantities[0]++;
    }

    /// <summary>
    /// Sets the unit prices so that Σ quantity × unit price is <paramref name="total"/> (whole cents) exactly: every shelf
    /// price is scaled by total / shelf total and rounded down to the cent; the cents left over (fewer than the units) are
    /// spread as one-cent rises of unit prices, a rise on a line costing its quantity in cents. When the quantities cannot
    /// make up the cents left (all of them multiples of a number that does not divide it, e.g. one line of two units and one
    /// cent left), one unit is split off the line with the most into a line of its own that carries them (the same product
    /// twice on a receipt). Returns the number of lines.
    /// </summary>
    private static int PriceAtExactly(decimal total, Span<int> products, Span<int> quantities, Span<decimal> unitPrices, int count)
    {
        var shelf = 0m;
        for (var i = 0; i < count; i++)
            shelf += quantities[i] * unitPrices[i];
        var factor = total / shelf;
        var priced = 0m;
        for (var i = 0; i < count; i++)
        {
            unitPrices[i] = Math.Floor(unitPrices[i] * factor * 100m) / 100m;
            priced += quantities[i] * unitPrices[i];
        }
        var cents = (int)((total - priced) * 100m);
        if (cents == 0)
            return count;

        // Coin change over the quantities: last[c] is a line whose one-cent rise ends a way to make up c cents, or −1.
        var last = new int[cents + 1];
        Array.Fill(last, -1);
        for (var c = 1; c <= cents; c++)
            for (var i = 0; i < count && last[c] < 0; i++)
                if (quantities[i] > 0 && quantities[i] <= c && (c == quantities[i] || last[c - quantities[i]] >= 0))
                    last[c] = i;
        if (last[cents] >= 0)
        {
            for (var c = cents; c > 0; c -= quantities[last[c]])
                unitPrices[last[c]] += 0.01m;
            return count;
        }

        var most = 0;
        for (var i = 1; i < count; i++)
            if (quantities[i] > quantities[most])
                most = i;
        quantities[most]--;
        products[count] = products[most];
        quantities[count] = 1;
        unitPrices[count] = unitPrices[most] + (cents / 100m);
        return count + 1;
    }
}

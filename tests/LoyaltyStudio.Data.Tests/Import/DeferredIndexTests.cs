using System.Globalization;
using System.Text;
using LoyaltyStudio.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Import;

/// <summary>An import into empty order tables drops their secondary indexes for the load; whatever happens, they are there afterwards.</summary>
public sealed class DeferredIndexTests
{
    private const string OrdersHeader = "order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount\n";

    [Fact]
    public async Task A_committed_import_into_empty_order_tables_ends_with_every_index_rebuilt()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await OrderIndexesAsync(bed);
        var path = bed.Write("orders.csv", OrdersHeader + Lines(100));

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(100, result.RowsWritten);
        Assert.Equal(5, before.Count);
        Assert.Equal(before, await OrderIndexesAsync(bed));
        await using var db = bed.Database.CreateContext();
        Assert.Equal(50, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task An_invalid_row_after_written_batches_rolls_back_the_rows_and_restores_the_dropped_indexes()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        var before = await OrderIndexesAsync(bed);
        var counts = await bed.CountsAsync();
        var path = bed.Write("orders.csv", OrdersHeader + Lines(200) + "O999,C1,2025-01-02,online,BEAN-1,two,12.50,0\n");

        var result = await bed.ImportAsync(ImportKind.Orders, path);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e is { Line: 202, Column: "quantity" });
        Assert.Equal(counts, await bed.CountsAsync());
        Assert.Equal(before, await OrderIndexesAsync(bed));
    }

    [Fact]
    public async Task The_unique_order_id_index_still_refuses_a_duplicate_after_an_import()
    {
        await using var bed = await ImportTestBed.CreateAsync();
        await bed.ImportAsync(ImportKind.Orders, bed.Write("orders.csv", OrdersHeader + Lines(10)));

        await using var connection = new SqliteConnection(bed.Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Orders (ExternalId, CustomerId, OrderedAt, Channel, Total, DiscountTotal) " +
            "SELECT ExternalId, CustomerId, OrderedAt, Channel, Total, DiscountTotal FROM Orders LIMIT 1";
        var error = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two lines per order, alternating customers and products.</summary>
    private static string Lines(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var order = i / 2;
            text.Append(CultureInfo.InvariantCulture, $"O{order},C{1 + (order % 2)},2025-01-{1 + (order % 28):00},online,{(i % 2 == 0 ? "BEAN-1" : "MUG-1")},1,2.50,0\n");
        }
        return text.ToString();
    }

    private static async Task<List<string>> OrderIndexesAsync(ImportTestBed bed)
    {
        await using var connection = new SqliteConnection(bed.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Orders', 'OrderLines') ORDER BY name";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            indexes.Add(reader.GetString(0));
        return indexes;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Bulk;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Customers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace LoyaltyStudio.Cli.Commands;

/// <summary>
/// <c>loyalty bench import</c>: times a bare prepared-statement insert of N rows against the full
/// <c>loyalty import orders</c> of an N-line file, in the same run on the same machine, and prints the ratio.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The goal from the issue: the importer at no less than 60 % of the bare insert's speed.</summary>
    public const double GoalRatio = 0.60;

    public static Command Create(CliContext cli)
    {
        var rows = new Option<int>("--rows", "-n") { Description = "Lines in the generated orders file.", DefaultValueFactory = _ => 1_000_000 };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 100)
                r.AddError($"--rows must be at least 100, not {r.GetValueOrDefault<int>()}.");
        });
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folder (CSV file and databases) and print where it is." };
        var import = new Command("import", "Generate an orders CSV (our layout) for existing customers and products, then time (a) a bare " +
            "prepared-statement insert of the same number of rows into an empty table and (b) the full 'loyalty import orders' " +
            "into a fresh SQLite file; print both rates and the ratio.") { rows, keep };
        import.SetAction((parse, cancellationToken) => RunAsync(cli, parse.GetValue(rows), parse.GetValue(keep), cancellationToken));
        return new Command("bench", "Benchmarks.") { import, BenchScoreCommand.Create(cli) };
    }

    private static async Task<int> RunAsync(CliContext cli, int rows, bool keep, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "loyalty-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var data = BenchData.Generate(rows, seed: 7);
            var csv = Path.Combine(folder, "orders.csv");
            await data.WriteCsvAsync(csv, cancellationToken);
            var size = new FileInfo(csv).Length;
            await cli.Out.WriteLineAsync($"Generated {rows:N0} order lines ({data.OrderCount:N0} orders, {data.Customers.Length:N0} customers, " +
                $"{data.Skus.Length} products), {size / 1024.0 / 1024.0:0.0} MB, in {folder}");

            var importFolder = Path.Combine(folder, "import");
            var setup = await new CliContext(cli.Out, cli.Error, [$"--Database:DataFolder={importFolder}"])
                .RunAsync(services => PrepareDatabaseAsync(services, data, cancellationToken));
            if (setup != ExitCodes.Success)
                return setup;

            var bare = await BareInsertAsync(Path.Combine(folder, "bare.db"), data, cancellationToken);

            var watch = Stopwatch.StartNew();
            var import = await LoyaltyCli.RunAsync(["import", "orders", csv, $"--Database:DataFolder={importFolder}"],
                TextWriter.Null, cli.Error, cancellationToken);
            watch.Stop();
            if (import != ExitCodes.Success)
            {
                await cli.Error.WriteLineAsync("Error: the import failed; see above.");
                return import;
            }

            var bareRate = rows / bare.TotalSeconds;
            var importRate = rows / watch.Elapsed.TotalSeconds;
            var ratio = importRate / bareRate;
            var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Seconds").RightAligned()).AddColumn(new TableColumn("Rows/s").RightAligned());
            table.AddRow("(a) bare prepared INSERT, one transaction", S(bare), R(bareRate));
            table.AddRow("(b) loyalty import orders (whole command)", S(watch.Elapsed), R(importRate));
            table.Caption($"ratio {ratio.ToString("0.00", CultureInfo.InvariantCulture)} (goal ≥ {GoalRatio.ToString("0.00", CultureInfo.InvariantCulture)}: " +
                $"{(ratio >= GoalRatio ? "met" : "not met")}); {rows:N0} rows, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Out) }).Write(table);
            if (keep)
                await cli.Out.WriteLineAsync($"Kept {folder}");
            return ExitCodes.Success;
        }
        finally
        {
            if (!keep)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A fresh database with the customers and products the orders refer to (not timed).</summary>
    private static async Task<int> PrepareDatabaseAsync(IServiceProvider services, BenchData data, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<LoyaltyDbContextFactory>();
        await DatabaseSchema.MigrateAsync(factory, cancellationToken);
        await using var context = factory.CreateDbContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = new BulkWriter(context);
        var category = new Category("bench", "Bench");
        context.Categories.Add(category);
        await context.SaveChangesAsync(cancellationToken);
        var signup = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await writer.InsertAsync(data.Customers.Select(id => new Customer(id, "Bench", id, null, null, AgeBand.Unknown, "", signup,
            SalesChannel.Online, Consent.None(signup))).ToList(), cancellationToken);
        await writer.InsertAsync(data.Skus.Select((sku, i) => new Product(sku, "Product " + sku, category.Id, data.Prices[i])).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>(a): one prepared single-row INSERT with the file's columns, re-bound per row, in one transaction, into an empty table.</summary>
    private static async Task<TimeSpan> BareInsertAsync(string file, BenchData data, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE BareOrderLines (order_id TEXT NOT NULL, customer_id TEXT NOT NULL, ordered_at TEXT NOT NULL, " +
                "channel TEXT NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price TEXT NOT NULL, discount TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var watch = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO BareOrderLines VALUES ($o, $c, $t, $ch, $s, $q, $p, $d)";
        var parameters = ParameterNames.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        parameters[5].SqliteType = SqliteType.Integer;
        insert.Prepare();
        foreach (var line in data.Lines)
        {
            parameters[0].Value = data.OrderIds[line.Order];
            parameters[1].Value = data.Customers[data.OrderCustomer[line.Order]];
            parameters[2].Value = data.OrderDates[line.Order];
            parameters[3].Value = ChannelNames[data.OrderChannel[line.Order]];
            parameters[4].Value = data.Skus[line.Product];
            parameters[5].Value = line.Quantity;
            parameters[6].Value = data.Prices[line.Product];
            parameters[7].Value = line.Discount;
            insert.ExecuteNonQuery(); // synchronous: the fastest a bare loop can go (Sqlite has no real async I/O)
        }
        await transaction.CommitAsync(cancellationToken);
        return watch.Elapsed;
    }

    private static readonly string[] ChannelNames = ["online", "app", "store"];
    private static readonly string[] ParameterNames = ["$o", "$c", "$t", "$ch", "$s", "$q", "$p", "$d"];

    /// <summary>Deterministic orders for the benchmark: 1 to 5 lines per order, one customer per 20 lines, 500 products.</summary>
    private sealed class BenchData
    {
        public required string[] Customers { get; init; }
        public required string[] Skus { get; init; }
        public required decimal[] Prices { get; init; }
        public required string[] OrderIds { get; init; }
        public required string[] OrderDates { get; init; }
        public required int[] OrderCustomer { get; init; }
        public required int[] OrderChannel { get; init; }
        public required List<(int Order, int Product, int Quantity, decimal Discount)> Lines { get; init; }
        public int OrderCount => OrderIds.Length;

        public static BenchData Generate(int rows, int seed)
        {
#pragma warning disable CA5394 // benchmark data, not security
            var random = new Random(seed);
            var customers = Enumerable.Range(1, Math.Max(1, rows / 20)).Select(i => "BC" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var skus = Enumerable.Range(1, 500).Select(i => "SKU-" + i.ToString("000", CultureInfo.InvariantCulture)).ToArray();
            var prices = skus.Select(_ => Math.Round((decimal)(1 + (random.NextDouble() * 60)), 2)).ToArray();
            var lines = new List<(int, int, int, decimal)>(rows);
            var orderIds = new List<string>();
            var dates = new List<string>();
            var orderCustomer = new List<int>();
            var orderChannel = new List<int>();
            var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            while (lines.Count < rows)
            {
                var order = orderIds.Count;
                orderIds.Add("BO" + (order + 1).ToString(CultureInfo.InvariantCulture));
                dates.Add(start.AddMinutes(random.Next(0, 700 * 24 * 60)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                orderCustomer.Add(random.Next(customers.Length));
                orderChannel.Add(random.Next(3));
                var count = Math.Min(random.Next(1, 6), rows - lines.Count);
                var first = random.Next(skus.Length - 5);
                for (var l = 0; l < count; l++)
                    lines.Add((order, first + l, random.Next(1, 4), random.Next(10) == 0 ? 0.50m : 0m));
            }
#pragma warning restore CA5394
            return new BenchData
            {
                Customers = customers, Skus = skus, Prices = prices, OrderIds = [.. orderIds], OrderDates = [.. dates],
                OrderCustomer = [.. orderCustomer], OrderChannel = [.. orderChannel], Lines = lines,
            };
        }

        public async Task WriteCsvAsync(string path, CancellationToken cancellationToken)
        {
            await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync("order_id,customer_id,ordered_at,channel,sku,quantity,unit_price,discount");
            var text = new StringBuilder(128);
            foreach (var (order, product, quantity, discount) in Lines)
            {
                text.Clear().Append(OrderIds[order]).Append(',').Append(Customers[OrderCustomer[order]]).Append(',').Append(OrderDates[order])
                    .Append(',').Append(ChannelNames[OrderChannel[order]]).Append(',').Append(Skus[product]).Append(',')
                    .Append(quantity.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Prices[product].ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(discount.ToString(CultureInfo.InvariantCulture)).Append('\n');
                await writer.WriteAsync(text, cancellationToken);
            }
        }
    }
}

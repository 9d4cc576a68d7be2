using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Cli.Tests;

/// <summary><c>loyalty seed --customers N --seed S</c>: the same arguments give the same data, shown with its progress.</summary>
public sealed class SeedCommandTests
{
    private static readonly string[] Window = ["--from", "2025-01-01", "--to", "2025-06-30"];

    [Fact]
    public async Task Same_customers_and_seed_give_identical_data_and_another_seed_gives_other_data()
    {
        using var first = new TempDataFolder();
        using var again = new TempDataFolder();
        using var other = new TempDataFolder();

        var runs = new[]
        {
            await CliRun.RunAsync(["seed", "--customers", "30", "--seed", "7", .. Window, first.Override]),
            await CliRun.RunAsync(["seed", "--customers", "30", "--seed", "7", .. Window, again.Override]),
            await CliRun.RunAsync(["seed", "--customers", "30", "--seed", "8", .. Window, other.Override]),
        };

        Assert.All(runs, run => Assert.True(run.ExitCode == ExitCodes.Success, run.Error));
        var expected = await FingerprintAsync(first);
        Assert.Equal(30, expected.Customers.Count);
        Assert.NotEmpty(expected.Orders);
        Assert.Equal(expected.Customers, (await FingerprintAsync(again)).Customers);
        Assert.Equal(expected.Orders, (await FingerprintAsync(again)).Orders);
        Assert.NotEqual(expected.Customers, (await FingerprintAsync(other)).Customers);
    }

    [Fact]
    public async Task Written_to_a_file_seed_reports_each_stage_up_to_every_customer_then_rows_per_table()
    {
        using var folder = new TempDataFolder();

        var run = await CliRun.RunAsync(["seed", "-n", "20", "-s", "3", .. Window, folder.Override]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        // In a terminal this is a live bar; to a file or pipe (as here) it is one line per stage and per tenth.
        var text = Regex.Replace(run.Out, @"\x1b\[[0-9;]*m", ""); // colours, when the console supports them
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.IndexOf("Writing the catalogue: 0/20 customers");
        var last = lines.IndexOf("Writing customers: 20/20 customers");
        Assert.True(first >= 0 && last > first, "No progress from the first stage to every customer in:\n" + text);
        Assert.Contains(lines.Skip(last), l => Regex.IsMatch(l, @"Customers\s+\S\s+20\s"));
    }

    private static async Task<(List<string> Customers, List<string> Orders)> FingerprintAsync(TempDataFolder folder)
    {
        await using var db = folder.Factory().CreateDbContext();
        var customers = (await db.Customers.OrderBy(c => c.Id)
                .Select(c => new { c.ExternalId, c.FirstName, c.LastName, c.Email, c.Region, c.SignupDate, c.TierCode })
                .ToListAsync())
            .Select(c => c.ToString()!).ToList();
        var orders = (await db.Orders.OrderBy(o => o.Id)
                .Select(o => new { o.ExternalId, o.CustomerId, o.OrderedAt, o.Channel, o.Total })
                .ToListAsync())
            .Select(o => o.ToString()!).ToList();
        return (customers, orders);
    }
}

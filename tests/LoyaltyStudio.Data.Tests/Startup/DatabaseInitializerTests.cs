using System.Diagnostics;
using LoyaltyStudio.Data.Simulation;
using LoyaltyStudio.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Data.Tests.Startup;

public class DatabaseInitializerTests
{
    private static readonly DateTimeOffset Today = new(2025, 9, 15, 10, 0, 0, TimeSpan.Zero);

    private static DatabaseInitializer Initializer(LoyaltyDbContextFactory factory, DemoOptions? demo = null,
        DatabaseOptions? database = null, ILoyaltyDataGenerator? generator = null)
    {
        var services = new ServiceCollection();
        if (generator is not null)
            services.AddSingleton(generator);
        return new DatabaseInitializer(factory, Options.Create(database ?? new DatabaseOptions()),
            Options.Create(demo ?? new DemoOptions()), services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            new FixedTimeProvider(Today), NullLogger<DatabaseInitializer>.Instance);
    }

    private static LoyaltyDbContextFactory SqliteFactory(string file) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_stops_start_up_naming_the_path_and_the_setting()
    {
        // Tests run as root, where file permissions do not stop writes; a folder below a regular file can never exist.
        var blocker = Path.Combine(Path.GetTempPath(), $"loyalty-blocker-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file, not a folder");
        try
        {
            var folder = Path.Combine(blocker, "data");
            var initializer = Initializer(SqliteFactory(Path.Combine(folder, "loyalty.db")));

            var ex = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.InitializeAsync(CancellationToken.None));

            Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
            Assert.Contains("Database:DataFolder", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task A_folder_in_place_of_the_database_file_stops_start_up_naming_the_file_and_the_settings()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);
        var file = Path.Combine(db.Folder, "occupied", "loyalty.db");
        Directory.CreateDirectory(file);

        var ex = await Assert.ThrowsAsync<DatabaseStartupException>(
            () => Initializer(SqliteFactory(file)).InitializeAsync(CancellationToken.None));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Database:SqliteFileName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_file_SQLite_cannot_use_stops_start_up_naming_the_file_instead_of_a_stack_trace()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);
        var file = Path.Combine(db.Folder, "garbage", "loyalty.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, new string('x', 4096)); // not an SQLite file

        var ex = await Assert.ThrowsAsync<DatabaseStartupException>(
            () => Initializer(SqliteFactory(file)).InitializeAsync(CancellationToken.None));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Database:DataFolder", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);
    }

    [Fact]
    public async Task First_start_creates_the_folder_and_migrates_an_empty_file_even_when_migrate_on_start_is_off()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);
        var file = Path.Combine(db.Folder, "nested", "loyalty.db");
        var factory = SqliteFactory(file);

        await Initializer(factory, database: new DatabaseOptions { MigrateOnStart = false }).InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(file));
        await using var context = factory.CreateDbContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task Starting_again_on_a_migrated_database_keeps_its_data()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await db.AddAsync(Sample.Customer("KEEP-1"));

        await Initializer(db.Factory).InitializeAsync(CancellationToken.None);

        await using var context = db.CreateContext();
        Assert.Equal("KEEP-1", (await context.Customers.SingleAsync()).ExternalId);
    }

    [Fact]
    public async Task Demo_data_is_seeded_into_an_empty_database_when_demo_is_enabled()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);
        var generator = new RecordingDataGenerator(db.Factory);
        var demo = new DemoOptions { Enabled = true, Customers = 321, Seed = 7, Months = 6 };

        await Initializer(db.Factory, demo, generator: generator).InitializeAsync(CancellationToken.None);

        var request = Assert.Single(generator.Requests);
        Assert.Equal(GenerationRequest.EndingOn(new DateOnly(2025, 9, 15), 321, 7, 6), request);
        await using var context = db.CreateContext();
        Assert.Equal(1, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task Demo_data_is_not_seeded_when_the_database_already_holds_customers()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        await db.AddAsync(Sample.Customer("REAL-1"));
        var generator = new RecordingDataGenerator(db.Factory);

        await Initializer(db.Factory, new DemoOptions { Enabled = true }, generator: generator).InitializeAsync(CancellationToken.None);

        Assert.Empty(generator.Requests);
    }

    [Fact]
    public async Task Demo_data_is_not_seeded_when_demo_is_disabled()
    {
        await using var db = await SqliteTestDatabase.CreateAsync();
        var generator = new RecordingDataGenerator(db.Factory);

        await Initializer(db.Factory, new DemoOptions { Enabled = false }, generator: generator).InitializeAsync(CancellationToken.None);

        Assert.Empty(generator.Requests);
        await using var context = db.CreateContext();
        Assert.Equal(0, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task Demo_mode_without_a_registered_generator_starts_with_an_empty_database()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false);

        await Initializer(db.Factory, new DemoOptions { Enabled = true }).InitializeAsync(CancellationToken.None);

        await using var context = db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Customers.CountAsync());
    }

    [Fact]
    public async Task An_unreachable_SQL_Server_fails_fast_naming_the_setting_and_server_but_not_the_password()
    {
        var factory = new LoyaltyDbContextFactory(DatabaseProvider.SqlServer,
            "Server=tcp:127.0.0.1,1;Database=Loyalty;User Id=loyalty;Password=Sup3rSecret!;Connect Timeout=2;TrustServerCertificate=true");
        var initializer = Initializer(factory);
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.InitializeAsync(CancellationToken.None));

        clock.Stop();
        Assert.Contains("ConnectionStrings:Loyalty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1,1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret!", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Start-up took {clock.Elapsed} to give up on SQL Server.");
    }
}

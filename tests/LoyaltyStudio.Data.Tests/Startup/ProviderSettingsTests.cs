using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data.Tests.Startup;

public class ProviderSettingsTests
{
    [Fact]
    public void Unknown_provider_is_refused_naming_the_setting_and_the_value()
    {
        var options = new DatabaseOptions { Provider = "Oracle" };

        var ex = Assert.Throws<InvalidOperationException>(() => LoyaltyDbContextFactory.Resolve(options, null, "/app"));

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Oracle'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_provider_value_is_refused_rather_than_read_as_an_enum_number()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new DatabaseOptions { Provider = "7" }.ParsedProvider);

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void SqlServer_without_a_connection_string_is_refused_naming_ConnectionStrings_Loyalty(string? connectionString)
    {
        var options = new DatabaseOptions { Provider = "SqlServer" };

        var ex = Assert.Throws<InvalidOperationException>(() => LoyaltyDbContextFactory.Resolve(options, connectionString, "/app"));

        Assert.Contains("ConnectionStrings:Loyalty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_by_default_uses_the_file_in_the_data_folder_under_the_content_root()
    {
        var (provider, connectionString) = LoyaltyDbContextFactory.Resolve(new DatabaseOptions(), null, "/srv/loyalty");

        Assert.Equal(DatabaseProvider.Sqlite, provider);
        Assert.Equal("/srv/loyalty/App_Data/loyalty.db", new SqliteConnectionStringBuilder(connectionString).DataSource);
    }

    [Fact]
    public void Provider_names_are_read_without_regard_to_case()
    {
        var (provider, _) = LoyaltyDbContextFactory.Resolve(new DatabaseOptions { Provider = "sqlserver" },
            "Server=db;Database=Loyalty;Integrated Security=true", "/app");

        Assert.Equal(DatabaseProvider.SqlServer, provider);
    }

    [Fact]
    public void SqlServer_connection_gets_the_configured_connect_timeout_unless_the_string_sets_one()
    {
        var options = new DatabaseOptions { Provider = "SqlServer", ConnectTimeoutSeconds = 7 };

        var (_, withDefault) = LoyaltyDbContextFactory.Resolve(options, "Server=db;Database=Loyalty;Integrated Security=true", "/app");
        var (_, explicitOne) = LoyaltyDbContextFactory.Resolve(options, "Server=db;Database=Loyalty;Integrated Security=true;Connect Timeout=30", "/app");

        Assert.Equal(7, new SqlConnectionStringBuilder(withDefault).ConnectTimeout);
        Assert.Equal(30, new SqlConnectionStringBuilder(explicitOne).ConnectTimeout);
    }

    [Fact]
    public void SqlServer_contexts_allow_explicit_transactions()
    {
        var factory = new LoyaltyDbContextFactory(DatabaseProvider.SqlServer, "Server=db.internal;Database=Loyalty;Integrated Security=true");
        using var context = factory.CreateDbContext();

        // A retrying strategy would throw on the first command inside BeginTransaction on a real server.
        Assert.False(context.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}

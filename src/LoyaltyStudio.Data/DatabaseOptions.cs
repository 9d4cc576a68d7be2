using System.ComponentModel.DataAnnotations;

namespace LoyaltyStudio.Data;

/// <summary>The database providers LoyaltyStudio runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Settings under <c>Database</c>: which provider, and where the embedded SQLite file lives.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded file) or <c>SqlServer</c> (needs <c>ConnectionStrings:Loyalty</c>).</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Folder for the SQLite file, relative to the app's content root unless absolute.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>SQLite file name inside <see cref="DataFolder"/>.</summary>
    public string SqliteFileName { get; set; } = "loyalty.db";

    /// <summary>Apply pending migrations when the app starts (SQL Server: can be turned off and run with <c>loyalty db migrate</c>).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seconds to wait for SQL Server to answer before giving up at start-up.</summary>
    [Range(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 15;

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
            ? p
            : throw new InvalidOperationException(
                $"Setting Database:Provider has the unknown value '{Provider}'. Use 'Sqlite' or 'SqlServer'.");
}

namespace LoyaltyStudio.Data;

/// <summary>
/// Brings the database to a usable state at start-up: checks it can be reached and written, applies
/// migrations, and (when demo mode is on and the database holds no customers) seeds the demo data set.
/// Throws <see cref="DatabaseStartupException"/> with a message naming the setting or path at fault.
/// </summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

/// <summary>The database cannot be used; the message says which setting or path to fix.</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message) : base(message) { }

    public DatabaseStartupException(string message, Exception innerException) : base(message, innerException) { }

    public DatabaseStartupException() : base("The database cannot be used.") { }
}

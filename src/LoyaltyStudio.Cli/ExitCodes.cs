namespace LoyaltyStudio.Cli;

/// <summary>The exit codes of the <c>loyalty</c> command, as documented in its help.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A command-line argument is missing or invalid.</summary>
    public const int InvalidArguments = 1;

    /// <summary>A setting is wrong or the database cannot be used (unknown provider, unreachable server, unwritable folder).</summary>
    public const int DatabaseUnavailable = 2;

    /// <summary>The request was refused, e.g. seeding a database that already holds customers.</summary>
    public const int Refused = 3;

    /// <summary>Cancelled (Ctrl+C); nothing was committed.</summary>
    public const int Cancelled = 130;

    public const string HelpText =
        "Exit codes: 0 success; 1 invalid arguments; 2 settings or database unusable; " +
        "3 refused (e.g. the database already holds customers); 130 cancelled.";
}

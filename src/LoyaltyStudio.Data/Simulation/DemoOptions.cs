namespace LoyaltyStudio.Data.Simulation;

/// <summary>Settings under <c>Demo</c>: demo users and the demo data set seeded into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create demo users and seed demo data. True only in the Development environment (appsettings.Development.json).</summary>
    public bool Enabled { get; set; }

    /// <summary>Password of the four demo users.</summary>
    public string Password { get; set; } = "Demo!2345";

    /// <summary>Customers in the demo data set.</summary>
    public int Customers { get; set; } = 5000;

    /// <summary>Random seed: the same seed and dates give the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Months of history up to today.</summary>
    public int Months { get; set; } = 18;
}

namespace LoyaltyStudio.Data.GroundTruth;

/// <summary>
/// Metadata of a generated data set: which generator, seed, size and period, and the generative
/// parameters (as JSON) so tests and model reports can check that models recover them.
/// Absent for data that was imported rather than simulated.
/// </summary>
public class SimulatedDataset
{
    public int Id { get; set; }
    public string Generator { get; set; } = "";
    public int Seed { get; set; }
    public int Customers { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }

    /// <summary>The generator's parameters, serialised as JSON with stable property names.</summary>
    public string ParametersJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
}

using System.Text;
using System.Text.Json;
using LoyaltyStudio.Intelligence.Lifetime;

namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>
/// The stored form of a lifetime-value model version: the fitted BG/NBD and Gamma-Gamma parameters and the period
/// length their summaries were counted in, as UTF-8 JSON.
/// </summary>
public sealed record LifetimeValueArtifact(double PeriodDays, BgNbdParameters Purchases, GammaGammaParameters Spend)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json));

    /// <summary>Reads an artifact written by <see cref="ToBytes"/>; says what is wrong with bytes that are not one.</summary>
    public static LifetimeValueArtifact FromBytes(byte[] artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        LifetimeValueArtifact? read;
        try
        {
            read = JsonSerializer.Deserialize<LifetimeValueArtifact>(artifact, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The lifetime-value model's artifact cannot be read: {e.Message}", e);
        }
        if (read?.Purchases is null || read.Spend is null || !(read.PeriodDays > 0))
            throw new FormatException("The lifetime-value model's artifact lacks its BG/NBD or Gamma-Gamma parameters or its period length.");
        return read;
    }
}

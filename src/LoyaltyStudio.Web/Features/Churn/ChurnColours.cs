using LoyaltyStudio.Domain.Scoring;

namespace LoyaltyStudio.Web.Features.Churn;

/// <summary>The colours of the risk bands in every churn chart, readable on the light and the dark theme.</summary>
internal static class ChurnColours
{
    /// <summary>Mid-grey ink and a faint grid: read well on both themes.</summary>
    public const string Ink = "#8A8FA3";

    public const string Grid = "rgba(138,143,163,0.25)";

    public static string For(ChurnRiskBand band) => band switch
    {
        ChurnRiskBand.High => "#DC2626",
        ChurnRiskBand.Medium => "#F59E0B",
        _ => "#0D9488",
    };

    /// <summary>The MudBlazor colour of a band's chip.</summary>
    public static MudBlazor.Color Chip(ChurnRiskBand band) => band switch
    {
        ChurnRiskBand.High => MudBlazor.Color.Error,
        ChurnRiskBand.Medium => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };
}

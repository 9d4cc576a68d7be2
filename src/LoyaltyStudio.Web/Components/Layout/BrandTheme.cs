using MudBlazor;

namespace LoyaltyStudio.Web.Components.Layout;

/// <summary>MudBlazor theme in the brand colours of wwwroot-assets/brand.css (indigo, teal, amber).</summary>
public static class BrandTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4338CA",
            Secondary = "#0D9488",
            Tertiary = "#F59E0B",
            AppbarBackground = "#FFFFFF",
            AppbarText = "#1F2937",
            Background = "#F5F6FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#374151",
            DrawerIcon = "#4338CA",
            TextPrimary = "#1F2937",
            TextSecondary = "#6B7280",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#818CF8",
            Secondary = "#2DD4BF",
            Tertiary = "#FBBF24",
            AppbarBackground = "#1E1E2D",
            AppbarText = "#E5E7EB",
            Background = "#15151F",
            Surface = "#1E1E2D",
            DrawerBackground = "#1A1A27",
            DrawerText = "#D1D5DB",
            DrawerIcon = "#818CF8",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "10px",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}

namespace LoyaltyStudio.Data.Identity;

/// <summary>The four staff roles of ARCHITECTURE.md.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Manager = "Manager";
    public const string Support = "Support";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer, Manager, Support];
}

using Microsoft.AspNetCore.Identity;

namespace LoyaltyStudio.Data.Identity;

/// <summary>A person who signs in to LoyaltyStudio (staff, not customers).</summary>
public class LoyaltyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The user's light/dark choice, remembered across sessions and devices.</summary>
    public bool PrefersDarkMode { get; set; }
}

using LoyaltyStudio.Data;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Identity;

/// <summary>Remembers each staff user's light/dark choice in their account, so it follows them across devices.</summary>
public interface IUserThemePreferences
{
    Task<bool> PrefersDarkModeAsync(string userId, CancellationToken cancellationToken = default);

    Task SaveDarkModeAsync(string userId, bool darkMode, CancellationToken cancellationToken = default);
}

/// <summary>Reads and writes <c>LoyaltyUser.PrefersDarkMode</c> with a short-lived context per call.</summary>
public sealed class UserThemePreferences(IDbContextFactory<LoyaltyDbContext> contexts) : IUserThemePreferences
{
    public async Task<bool> PrefersDarkModeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveDarkModeAsync(string userId, bool darkMode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return; // the account was removed while signed in; nothing to remember
        user.PrefersDarkMode = darkMode;
        await db.SaveChangesAsync(cancellationToken);
    }
}

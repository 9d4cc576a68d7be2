using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Web.Identity;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.Identity;

/// <summary>The light/dark choice is kept in each user's account on the real database, not in the browser.</summary>
public sealed class UserThemePreferencesTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateMigratedAsync();
        await using var db = _database.Factory.CreateDbContext();
        db.Users.AddRange(
            new LoyaltyUser { Id = "ann", UserName = "ann@example.test", Email = "ann@example.test", DisplayName = "Ann" },
            new LoyaltyUser { Id = "bob", UserName = "bob@example.test", Email = "bob@example.test", DisplayName = "Bob" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_user_starts_in_light_mode()
    {
        var preferences = new UserThemePreferences(_database.Factory);

        Assert.False(await preferences.PrefersDarkModeAsync("ann"));
    }

    [Fact]
    public async Task Dark_mode_is_remembered_for_the_user_who_chose_it_and_only_for_them()
    {
        await new UserThemePreferences(_database.Factory).SaveDarkModeAsync("ann", darkMode: true);

        // A later session: a new service and new contexts read what was stored.
        var later = new UserThemePreferences(_database.Factory);
        Assert.True(await later.PrefersDarkModeAsync("ann"));
        Assert.False(await later.PrefersDarkModeAsync("bob"));
        await using var db = _database.Factory.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Id == "ann").Select(u => u.PrefersDarkMode).SingleAsync());
    }

    [Fact]
    public async Task Switching_back_to_light_is_remembered_too()
    {
        var preferences = new UserThemePreferences(_database.Factory);
        await preferences.SaveDarkModeAsync("bob", darkMode: true);

        await preferences.SaveDarkModeAsync("bob", darkMode: false);

        Assert.False(await new UserThemePreferences(_database.Factory).PrefersDarkModeAsync("bob"));
    }

    [Fact]
    public async Task Saving_for_an_account_removed_meanwhile_changes_nothing()
    {
        var preferences = new UserThemePreferences(_database.Factory);

        await preferences.SaveDarkModeAsync("gone", darkMode: true);

        await using var db = _database.Factory.CreateDbContext();
        Assert.Equal(2, await db.Users.CountAsync());
        Assert.DoesNotContain(await db.Users.Select(u => u.PrefersDarkMode).ToListAsync(), dark => dark);
    }
}

namespace LoyaltyStudio.EndToEnd.Tests.Infrastructure;

/// <summary>Where journeys save their screenshots: <c>screenshots/</c> at the repository root (git-ignored).</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LoyaltyStudio.sln")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace LoyaltyStudio.Web.Tests.Architecture;

/// <summary>Reads the project references of the src/ projects, for the rules that compiled assemblies cannot show.</summary>
internal static class ProjectFiles
{
    /// <summary>Names of the projects and assemblies that a src/ project references (project, assembly or package).</summary>
    public static IReadOnlyList<string> References(string project)
    {
        var path = Path.Combine(SourceRoot(), project, project + ".csproj");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The architecture rules expect the project file {path}.", path);
        return XDocument.Load(path).Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "Reference" or "PackageReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();
    }

    private static string SourceRoot([CallerFilePath] string thisFile = "")
    {
        // This file sits in tests/LoyaltyStudio.Web.Tests/Architecture; fall back to walking up from the test run folder.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LoyaltyStudio.sln")))
                    return Path.Combine(dir.FullName, "src");
            }
        }
        throw new DirectoryNotFoundException(
            $"Cannot find LoyaltyStudio.sln above {thisFile} or {AppContext.BaseDirectory}; the architecture rules read the src/ project files.");
    }
}

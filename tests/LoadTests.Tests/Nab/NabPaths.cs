namespace ImpactMesh.LoadTests.Tests.Nab;

/// <summary>Locates the shared NAB DEV subset: <c>../shared/nab</c> relative to the folder holding ImpactMesh.sln.</summary>
internal static class NabPaths
{
    public static string Root { get; } = Find();

    public static string Data => Path.Combine(Root, "data");

    public static string Windows => Path.Combine(Root, "labels", "combined_windows.json");

    public static string Results => Path.Combine(Root, "results");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ImpactMesh.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "nab"));
            }
        }

        throw new DirectoryNotFoundException($"No ImpactMesh.sln above {AppContext.BaseDirectory}.");
    }
}

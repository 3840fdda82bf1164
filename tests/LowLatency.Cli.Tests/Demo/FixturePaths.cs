namespace LowLatency.Cli.Tests.Demo;

/// <summary>The repository's recorded fixtures.</summary>
public static class FixturePaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures above " + AppContext.BaseDirectory);
    });

    public static string Fixture(string relative) => Path.Combine(Root.Value, relative);
}

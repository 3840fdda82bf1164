namespace LowLatency.Cli.Commands.Demo;

/// <summary>Finds the recorded fixtures: the given folder, else <c>tests/fixtures</c> above the working folder or the program's folder.</summary>
public static class FixtureLocator
{
    /// <summary>The fixtures folder.</summary>
    /// <exception cref="DemoArgumentException">It cannot be found.</exception>
    public static string Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            return Directory.Exists(explicitDirectory)
                ? Path.GetFullPath(explicitDirectory)
                : throw new DemoArgumentException($"--fixtures {explicitDirectory}: no such folder");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        throw new DemoArgumentException("cannot find the recordings (tests/fixtures) above the working folder or the program; run from the repository or pass --fixtures DIR");
    }
}

using System.Reflection;

namespace LowLatency.Benchmarks.Compare;

/// <summary>
/// <c>compare [--quick] [--only PREFIX]... [--rounds N] [--json PATH]</c>: the side-by-side run of BENCH.md.
/// Writes the JSON to PATH and a Markdown summary next to it (same name, <c>.md</c>).
/// </summary>
public static class CompareCommand
{
    /// <summary>Parses arguments and runs; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        bool quick = false;
        var only = new List<string>();
        string? jsonPath = null;
        int? rounds = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--only" when i + 1 < args.Length: only.Add(args[++i]); break;
                case "--json" when i + 1 < args.Length: jsonPath = args[++i]; break;
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n): rounds = n; i++; break;
                case "--list":
                    foreach (var s in DiscoverScenarios())
                        Console.WriteLine($"{s.Name,-32} {s.Unit,-10} peer: {s.Peer ?? "none"}");
                    return 0;
                default:
                    Console.Error.WriteLine($"compare: unknown or incomplete argument '{args[i]}'. Usage: compare [--quick] [--only PREFIX] [--rounds N] [--json PATH] [--list]");
                    return 2;
            }
        }

        var scenarios = DiscoverScenarios()
            .Where(s => only.Count == 0 || only.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        if (scenarios.Count == 0)
        {
            Console.Error.WriteLine("compare: no scenario matches --only " + string.Join(", ", only));
            return 2;
        }

        string root = FindRepositoryRoot();
        var context = new CompareContext(quick, root);
        var runner = new CompareRunner(context, rounds ?? (quick ? 5 : 11), Console.Out);
        var machine = MachineInfo.Current();
        Console.WriteLine($"compare{(quick ? " --quick" : "")}: {scenarios.Count} scenarios on {machine.Cores} cores, {machine.Cpu}, {machine.Runtime}");
        var results = scenarios.Select(runner.Run).ToList();

        string command = "compare " + string.Join(' ', args);
        var report = new CompareReport(new MachineReport(machine.Cores, machine.Cpu, machine.Os, machine.Runtime, machine.Gc),
            command.Trim(), DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"), results);
        if (jsonPath is not null)
        {
            string full = Path.GetFullPath(jsonPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, report.ToJson());
            File.WriteAllText(Path.ChangeExtension(full, ".md"), report.ToMarkdown());
            Console.WriteLine($"wrote {full}");
        }
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static IEnumerable<ICompareScenario> DiscoverScenarios() =>
        typeof(CompareCommand).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICompareScenario).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICompareScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LowLatency.sln")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}

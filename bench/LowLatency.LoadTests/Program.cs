using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.LoadTests.Cli;
using LowLatency.LoadTests.Diagnostics;
using LowLatency.LoadTests.Scenarios;

// `dotnet run -c Release --project bench/LowLatency.LoadTests -- --scenario NAME [--duration S] [--json PATH]`:
// the replayer against the engine over loopback; the report goes to stdout as a table and to PATH as JSON.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (LoadUsageException ex)
{
    Console.Error.WriteLine("loadtests: " + ex.Message);
    foreach (var known in LoadScenarios.All)
        Console.Error.WriteLine($"  {known.Name,-12} {known.Description}");
    return 2;
}
if (LoadScenarios.Find(options.Scenario) is not { } scenario)
{
    Console.Error.WriteLine($"loadtests: received scenario '{options.Scenario}'; expected one of {string.Join(", ", LoadScenarios.All.Select(s => s.Name))}.");
    return 2;
}
string fixture = options.Fixture ?? Path.Combine(RepositoryRoot(), "tests", "fixtures", E2EFeed.FixturePath);
if (!File.Exists(fixture))
{
    Console.Error.WriteLine($"loadtests: the capture '{fixture}' does not exist; pass --fixture PATH (a Binance spot capture).");
    return 2;
}
using var sampler = options.TraceAllocations ? new AllocationSampler() : null;
var context = new LoadContext(options, E2EFeed.Load(fixture), "loadtests " + string.Join(' ', args));
Console.WriteLine($"loadtests: {scenario.Name}: {scenario.Description}");
var report = await scenario.RunAsync(context);
Console.WriteLine(report.ToTable());
if (sampler is not null)
{
    Console.WriteLine("allocation samples (about one per 100 KB allocated), by thread and type:");
    foreach (var (thread, type, samples) in sampler.Samples.Take(40))
        Console.WriteLine($"  {samples,6}  {thread,-16} {type}");
}
if (options.JsonPath is { } path)
{
    string full = Path.GetFullPath(path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    await File.WriteAllTextAsync(full, report.ToJson());
    Console.WriteLine($"wrote {full}");
}
return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LowLatency.sln")))
            return dir.FullName;
    }
    return Directory.GetCurrentDirectory();
}

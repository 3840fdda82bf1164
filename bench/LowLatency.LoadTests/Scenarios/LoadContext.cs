using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.LoadTests.Cli;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>What a scenario runs with: the options, the loaded capture and the command line (for the report).</summary>
public sealed record LoadContext(LoadOptions Options, E2EFeed Feed, string Command)
{
    /// <summary>A round's warm-up: a tenth of its messages, at most 2,000 (connection, REST snapshot, book sync, JIT tiers).</summary>
    public static RoundPlan Plan(int messages) => new(Math.Min(2_000, messages / 10), messages);
}

using LowLatency.Replay.Server;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>What <c>lowlatency demo</c> was asked to do.</summary>
/// <param name="Duration">How long to run before the summary.</param>
/// <param name="Speed">Replay pacing against the recorded timestamps.</param>
/// <param name="JsonPath">Where to write the JSON summary, or null.</param>
/// <param name="FixturesDirectory">The recordings' folder, or null to look for <c>tests/fixtures</c> above the working and program folders.</param>
/// <param name="Plain">Forces plain periodic lines instead of the live dashboard.</param>
public sealed record DemoOptions(TimeSpan Duration, ReplaySpeed Speed, string? JsonPath, string? FixturesDirectory, bool Plain);

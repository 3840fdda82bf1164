using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>What one dashboard refresh shows.</summary>
/// <param name="Elapsed">Time since the engine started.</param>
/// <param name="Duration">The planned run time.</param>
/// <param name="Speed">The replay speed, as written.</param>
/// <param name="Instruments">One row per instrument.</param>
/// <param name="MessagesPerSecond">Messages per second over all connections since the previous refresh.</param>
/// <param name="Status">The engine's status.</param>
public sealed record DemoFrame(TimeSpan Elapsed, TimeSpan Duration, string Speed, IReadOnlyList<DemoInstrumentRow> Instruments, double MessagesPerSecond, EngineStatus Status);

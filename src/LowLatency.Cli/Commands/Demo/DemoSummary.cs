using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>The outcome of a demo run (what <c>--json</c> writes).</summary>
/// <param name="Duration">How long it ran.</param>
/// <param name="Speed">The replay speed, as written.</param>
/// <param name="Recordings">The venues replayed.</param>
/// <param name="Skipped">Recordings left out, with why.</param>
/// <param name="Final">The last frame.</param>
/// <param name="AllocatedBytesPerMessage">Bytes each hot thread allocated per message received, between the end of warm-up and the end.</param>
/// <param name="SteadyStateFrom">When warm-up ended; null when the run ended first (allocations are then counted from the start).</param>
/// <param name="Gc">Collections per generation during the run.</param>
/// <param name="MaxRingOccupancy">The fullest the ring was seen at a refresh.</param>
public sealed record DemoSummary(
    TimeSpan Duration,
    string Speed,
    IReadOnlyList<string> Recordings,
    IReadOnlyList<string> Skipped,
    DemoFrame Final,
    IReadOnlyDictionary<string, double> AllocatedBytesPerMessage,
    TimeSpan? SteadyStateFrom,
    GcCounts Gc,
    long MaxRingOccupancy);

namespace LowLatency.Benchmarks.Compare;

/// <summary>The outcome of one measured round.</summary>
/// <param name="Value">The figure in the scenario's unit (ops/s, ns/op, µs ...).</param>
/// <param name="Operations">Operations done in the round, to turn allocated bytes into bytes per op.</param>
/// <param name="AllocatedBytes">
/// Bytes allocated by the measured code, when the scenario measures them itself (per thread);
/// null lets the runner use the process-wide delta of the round.
/// </param>
public readonly record struct RoundResult(double Value, long Operations, long? AllocatedBytes = null);

using System.Diagnostics;

namespace LowLatency.Core.Metrics;

/// <summary>Converts <see cref="Stopwatch"/> tick counts (receive timestamps, elapsed ticks) to nanoseconds.</summary>
public static class StopwatchTime
{
    private static readonly double NanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
    private static readonly bool TicksAreNanoseconds = Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Nanoseconds in <paramref name="stopwatchTicks"/> ticks (exact where the tick is 1 ns, as on Linux).</summary>
    public static long ToNanoseconds(long stopwatchTicks) =>
        TicksAreNanoseconds ? stopwatchTicks : (long)(stopwatchTicks * NanosecondsPerTick);

    /// <summary>Nanoseconds elapsed from <paramref name="startTimestamp"/> to <paramref name="endTimestamp"/> (both <see cref="Stopwatch.GetTimestamp"/> values).</summary>
    public static long ElapsedNanoseconds(long startTimestamp, long endTimestamp) => ToNanoseconds(endTimestamp - startTimestamp);
}

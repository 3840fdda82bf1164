using System.Diagnostics;

namespace LowLatency.Replay.Recording;

/// <summary>Turns <see cref="Stopwatch"/> receive timestamps into ns since the Unix epoch, against one anchor taken at creation.</summary>
/// <remarks>One anchor keeps the recorded times as monotonic as the stopwatch; wall-clock steps after creation do not move them.</remarks>
internal sealed class UnixClock
{
    private readonly long _anchorTicks = Stopwatch.GetTimestamp();
    private readonly long _anchorUnixNs = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
    private readonly double _nsPerTick = 1e9 / Stopwatch.Frequency;

    public long ToUnixNs(long stopwatchTicks) => _anchorUnixNs + (long)((stopwatchTicks - _anchorTicks) * _nsPerTick);
}

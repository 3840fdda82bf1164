using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>The process's CPU time (user + system, all threads).</summary>
/// <remarks>
/// On Linux it reads <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c> (nanoseconds);
/// <see cref="Process.TotalProcessorTime"/> there counts in 10 ms clock ticks, too coarse for a
/// round of a few tens of milliseconds. Elsewhere it falls back to <see cref="Process.TotalProcessorTime"/>.
/// </remarks>
public static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>CPU time used so far.</summary>
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var time) == 0)
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary><paramref name="cpu"/> per message, in µs (0 without messages).</summary>
    public static double MicrosecondsPer(TimeSpan cpu, long messages) => messages > 0 ? cpu.TotalMicroseconds / messages : 0;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

using System.Diagnostics;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>The process's CPU time (user + system, all threads).</summary>
public static class ProcessCpu
{
    /// <summary>CPU time used so far.</summary>
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary><paramref name="cpu"/> per message, in µs (0 without messages).</summary>
    public static double MicrosecondsPer(TimeSpan cpu, long messages) => messages > 0 ? cpu.TotalMicroseconds / messages : 0;
}

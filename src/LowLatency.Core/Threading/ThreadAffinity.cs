using System.Runtime.InteropServices;

namespace LowLatency.Core.Threading;

/// <summary>
/// Pins the calling thread to one CPU and reads back the CPUs it may run on, through
/// <c>sched_setaffinity</c>/<c>sched_getaffinity</c> on Linux.
/// </summary>
/// <remarks>
/// Both calls act on the calling thread (pid 0), which is why a consumer pins itself from its own
/// thread rather than being pinned from outside. Elsewhere they are unsupported: pinning returns
/// false and callers log it and carry on unpinned (see <see cref="DedicatedThread"/>).
/// </remarks>
public static unsafe class ThreadAffinity
{
    /// <summary>True where the calls are implemented (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Restricts the calling thread to <paramref name="cpu"/>.</summary>
    /// <param name="cpu">A CPU number, 0 to 1023.</param>
    /// <param name="error">The OS error number on failure (0 on success; -1 when unsupported).</param>
    /// <returns>True when the thread is now pinned.</returns>
    public static bool TryPinCurrentThread(int cpu, out int error)
    {
        if ((uint)cpu >= LinuxSchedulerNative.CpuSetBits)
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"Expected a CPU number from 0 to {LinuxSchedulerNative.CpuSetBits - 1}.");
        if (!IsSupported)
        {
            error = -1;
            return false;
        }
        ulong* mask = stackalloc ulong[LinuxSchedulerNative.CpuSetWords];
        new Span<ulong>(mask, LinuxSchedulerNative.CpuSetWords).Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        if (LinuxSchedulerNative.SchedSetAffinity(0, (nuint)(LinuxSchedulerNative.CpuSetWords * sizeof(ulong)), mask) != 0)
        {
            error = Marshal.GetLastPInvokeError();
            return false;
        }
        error = 0;
        return true;
    }

    /// <summary>The CPUs the calling thread may run on, in ascending order.</summary>
    /// <param name="cpus">The CPU numbers; empty when unsupported or on failure.</param>
    /// <returns>True when the mask was read.</returns>
    public static bool TryGetCurrentThreadAffinity(out int[] cpus)
    {
        cpus = [];
        if (!IsSupported)
            return false;
        ulong* mask = stackalloc ulong[LinuxSchedulerNative.CpuSetWords];
        new Span<ulong>(mask, LinuxSchedulerNative.CpuSetWords).Clear();
        if (LinuxSchedulerNative.SchedGetAffinity(0, (nuint)(LinuxSchedulerNative.CpuSetWords * sizeof(ulong)), mask) != 0)
            return false;
        var list = new List<int>();
        for (int cpu = 0; cpu < LinuxSchedulerNative.CpuSetBits; cpu++)
        {
            if ((mask[cpu / 64] & (1UL << (cpu % 64))) != 0)
                list.Add(cpu);
        }
        cpus = [.. list];
        return true;
    }
}

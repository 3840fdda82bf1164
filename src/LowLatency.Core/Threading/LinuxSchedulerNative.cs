using System.Runtime.InteropServices;

namespace LowLatency.Core.Threading;

/// <summary>The Linux scheduler calls behind <see cref="ThreadAffinity"/> (glibc, <c>sched.h</c>).</summary>
internal static unsafe partial class LinuxSchedulerNative
{
    /// <summary>Bits in glibc's <c>cpu_set_t</c> (<c>CPU_SETSIZE</c>).</summary>
    public const int CpuSetBits = 1024;

    /// <summary>The <c>cpu_set_t</c> as 64-bit words.</summary>
    public const int CpuSetWords = CpuSetBits / 64;

    /// <summary><c>sched_setaffinity(pid, cpusetsize, mask)</c>; pid 0 is the calling thread.</summary>
    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int pid, nuint cpuSetSize, ulong* mask);

    /// <summary><c>sched_getaffinity(pid, cpusetsize, mask)</c>; pid 0 is the calling thread.</summary>
    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetAffinity(int pid, nuint cpuSetSize, ulong* mask);
}

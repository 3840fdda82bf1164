using Microsoft.Extensions.Logging;

namespace LowLatency.Core.Threading;

/// <summary>Log messages of dedicated threads.</summary>
internal static partial class ThreadingLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Thread {Thread} pinned to CPU {Cpu}.")]
    public static partial void Pinned(ILogger logger, string thread, int cpu);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Thread {Thread}: CPU pinning is not supported on {Os}; running unpinned instead of on CPU {Cpu}.")]
    public static partial void PinUnsupported(ILogger logger, string thread, string os, int cpu);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Thread {Thread}: sched_setaffinity to CPU {Cpu} failed with errno {Errno}; running unpinned.")]
    public static partial void PinFailed(ILogger logger, string thread, int cpu, int errno);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Thread {Thread}: could not set priority {Priority}; keeping the default.")]
    public static partial void PriorityFailed(ILogger logger, Exception exception, string thread, ThreadPriority priority);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Critical, Message = "Thread {Thread} died of an unhandled exception.")]
    public static partial void ThreadDied(ILogger logger, Exception exception, string thread);
}

namespace LowLatency.Core.Threading;

/// <summary>How to run a <see cref="DedicatedThread"/>.</summary>
public sealed record DedicatedThreadOptions
{
    /// <summary>The thread's name (shown by debuggers, dumps and, truncated to 15 bytes, by <c>top -H</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The CPU to pin the thread to, or null to let the OS schedule it.</summary>
    public int? Cpu { get; init; }

    /// <summary>The thread's priority, or null to keep the default (Linux ignores priorities for unprivileged processes).</summary>
    public ThreadPriority? Priority { get; init; }
}

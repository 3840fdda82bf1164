namespace LowLatency.Core.Threading;

/// <summary>What became of a dedicated thread's request to be pinned to a CPU.</summary>
public enum AffinityOutcome
{
    /// <summary>The thread has not started yet, or no CPU was requested.</summary>
    NotRequested,

    /// <summary>The thread runs only on the requested CPU.</summary>
    Pinned,

    /// <summary>The OS has no supported affinity call (not Linux); the thread runs unpinned.</summary>
    Unsupported,

    /// <summary>The OS refused (for instance a CPU outside the container's set); the thread runs unpinned.</summary>
    Failed,
}

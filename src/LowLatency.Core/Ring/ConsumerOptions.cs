namespace LowLatency.Core.Ring;

/// <summary>Per-consumer settings of a <see cref="ConsumerGraph{T}"/>; unset fields fall back to the graph's.</summary>
public sealed record ConsumerOptions
{
    /// <summary>The consumer's (and its thread's) name; defaults to <c>{ring}.{index}.{handler type}</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The CPU to pin the consumer's thread to; defaults to the graph's <see cref="Threading.CpuPlan"/>, if any.</summary>
    public int? Cpu { get; init; }

    /// <summary>The thread's priority; null keeps the default.</summary>
    public ThreadPriority? Priority { get; init; }

    /// <summary>What to do when the handler throws; defaults to the graph's policy.</summary>
    public HandlerExceptionPolicy? ExceptionPolicy { get; init; }
}

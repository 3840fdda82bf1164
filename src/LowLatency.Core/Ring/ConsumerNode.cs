using LowLatency.Core.Threading;

namespace LowLatency.Core.Ring;

/// <summary>A consumer of a graph: its processor, its thread settings, and whether anything runs after it.</summary>
internal sealed class ConsumerNode(IEventProcessor processor, DedicatedThreadOptions threadOptions)
{
    public IEventProcessor Processor { get; } = processor;

    public DedicatedThreadOptions ThreadOptions { get; } = threadOptions;

    /// <summary>True once another consumer depends on this one; terminal consumers (false) gate the producer.</summary>
    public bool HasDownstream { get; set; }

    public DedicatedThread? Thread { get; set; }
}

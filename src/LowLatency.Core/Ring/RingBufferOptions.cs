namespace LowLatency.Core.Ring;

/// <summary>How to build a <see cref="RingBuffer{T}"/>.</summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class RingBufferOptions<T>
    where T : struct
{
    /// <summary>Number of slots; a power of two.</summary>
    public required int Capacity { get; init; }

    /// <summary>Name used in thread names and logs; defaults to <c>ring</c>.</summary>
    public string Name { get; init; } = "ring";

    /// <summary>One publishing thread (the default) or several.</summary>
    public ProducerType ProducerType { get; init; } = ProducerType.Single;

    /// <summary>How consumers wait; defaults to a <see cref="HybridWaitStrategy"/>, safe on any number of cores.</summary>
    public IWaitStrategy? WaitStrategy { get; init; }

    /// <summary>What a producer does on a full ring: <see cref="FullRingPolicy.Block"/> (the default) or <see cref="FullRingPolicy.DropAndFlagGap"/>.</summary>
    public FullRingPolicy FullRingPolicy { get; init; } = FullRingPolicy.Block;

    /// <summary>
    /// Optional: marks the event published after a drop (<see cref="FullRingPolicy.DropAndFlagGap"/>)
    /// in the event itself, for event types that carry their own gap flag.
    /// </summary>
    public IGapMarker<T>? GapMarker { get; init; }
}

namespace LowLatency.Core.Ring;

/// <summary>Consumes events of a ring, one at a time, in sequence order, on its processor's thread.</summary>
/// <typeparam name="T">The event type.</typeparam>
/// <remarks>
/// Implement it on a struct or a sealed class and pass that type as the handler type parameter of
/// <see cref="BatchEventProcessor{T, THandler}"/>. For a struct the runtime compiles the processor's
/// loop for that very handler: <see cref="OnEvent"/> is a direct call, inlined where small, and the
/// struct lives inside its processor, so its fields are the consumer's private state. For a sealed
/// class the runtime shares the loop among reference types and the call goes through the
/// interface, which dynamic PGO usually guards and inlines; prefer a struct where every
/// nanosecond counts.
/// Lifecycle hooks have empty defaults; a struct that does not override them is boxed for that
/// one call at start or shutdown, never per event.
/// </remarks>
public interface IEventHandler<T>
    where T : struct
{
    /// <summary>Handles the event at <paramref name="sequence"/>.</summary>
    /// <param name="data">The event, in place in the ring (read it; downstream consumers see what this one writes).</param>
    /// <param name="sequence">Its sequence (also the key of <see cref="RingBuffer{T}.LostBefore"/>).</param>
    /// <param name="endOfBatch">True for the last event currently available: the moment to flush batched work.</param>
    void OnEvent(ref T data, long sequence, bool endOfBatch);

    /// <summary>Called once on the consumer thread before the first event.</summary>
    void OnStart()
    {
    }

    /// <summary>Called once on the consumer thread after the last event, when the processor stops.</summary>
    void OnShutdown()
    {
    }
}

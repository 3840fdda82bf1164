namespace LowLatency.Core.Ring;

/// <summary>
/// How a consumer waits for a sequence to become available: the trade between latency, CPU
/// burnt while idle and the cost a producer pays to wake it.
/// </summary>
/// <remarks>
/// One instance serves every barrier of a ring. A strategy returns the highest available sequence
/// (at least the one asked for), or a smaller value only when the barrier was alerted for
/// shutdown. Strategies that put a thread to sleep report <see cref="IsBlocking"/>; their
/// <see cref="SignalAllWhenBlocking"/> is called by the producer after each publication and by
/// consumers after they advance, and must be cheap when nobody sleeps.
/// </remarks>
public interface IWaitStrategy
{
    /// <summary>True when a waiting thread may sleep and must be woken by <see cref="SignalAllWhenBlocking"/>.</summary>
    bool IsBlocking { get; }

    /// <summary>Waits until <see cref="SequenceBarrier.DependentValue"/> reaches <paramref name="sequence"/> or the barrier is alerted.</summary>
    /// <param name="sequence">The sequence the consumer needs next.</param>
    /// <param name="barrier">The barrier that knows what the consumer depends on and whether it was alerted.</param>
    /// <returns>The highest available sequence (≥ <paramref name="sequence"/>), or less when alerted.</returns>
    long WaitFor(long sequence, SequenceBarrier barrier);

    /// <summary>Wakes sleeping waiters, if any; a no-op for strategies that never sleep.</summary>
    void SignalAllWhenBlocking();
}

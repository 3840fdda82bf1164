namespace LowLatency.Core.Ring;

/// <summary>Sleeps on a monitor until the producer (or an upstream consumer) signals progress.</summary>
/// <remarks>
/// Uses no CPU while idle and is always safe on an oversubscribed machine, at the price of a
/// wake-up (several microseconds) after each idle period. The producer pays a memory fence per
/// publication and takes the lock only while a consumer actually sleeps. Use it for consumers that
/// are mostly idle, or when cores are scarce and latency is secondary; prefer
/// <see cref="HybridWaitStrategy"/> when bursts matter.
/// </remarks>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly BlockingSignal _signal = new();

    /// <inheritdoc />
    public bool IsBlocking => true;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        long available = barrier.DependentValue;
        return available >= sequence ? available : _signal.Wait(sequence, barrier);
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking() => _signal.SignalAll();
}

namespace LowLatency.Core.Ring;

/// <summary>Spins briefly, then calls <see cref="Thread.Yield"/> between reads of the dependent sequence.</summary>
/// <remarks>
/// Low latency without a dedicated core: when another thread is runnable on the same core it gets
/// the CPU, otherwise the waiter keeps polling. Idle consumers still burn CPU (the yields are
/// system calls), so prefer it for throughput runs and for machines with roughly as many cores as
/// busy threads; the producer never pays to wake it.
/// </remarks>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        int spins = SpinTries;
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted)
                return available;
            if (spins > 0)
            {
                spins--;
                Thread.SpinWait(1);
            }
            else
            {
                Thread.Yield();
            }
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}

namespace LowLatency.Core.Ring;

/// <summary>Spins, then yields, then sleeps about a millisecond between reads of the dependent sequence.</summary>
/// <remarks>
/// Nearly idle when there is nothing to do and nothing for the producer to pay, but an event that
/// arrives while the consumer sleeps waits up to the sleep (≈1 ms on Linux). Use it for background
/// consumers whose latency does not matter (statistics, recording, archiving) on busy machines.
/// </remarks>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;
    private const int YieldTries = 100;

    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        int tries = SpinTries + YieldTries;
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted)
                return available;
            if (tries > YieldTries)
            {
                tries--;
                Thread.SpinWait(1);
            }
            else if (tries > 0)
            {
                tries--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}

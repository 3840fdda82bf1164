namespace LowLatency.Core.Ring;

/// <summary>Waits by spinning on the dependent sequence with a CPU pause between reads, never yielding.</summary>
/// <remarks>
/// The lowest and steadiest latency, at the price of a whole core per waiting thread, idle or not.
/// Use it only when each spinning consumer has a core of its own (pinned, with a core left for
/// the OS and the producer); on an oversubscribed machine a spinning thread starves the very
/// thread it waits for. <see cref="Threading.CpuPlan"/> picks it only when the cores allow.
/// </remarks>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted)
                return available;
            Thread.SpinWait(1);
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}

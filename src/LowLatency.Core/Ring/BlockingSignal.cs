namespace LowLatency.Core.Ring;

/// <summary>
/// The sleeping half of the blocking strategies: a monitor to wait on and a count of sleepers,
/// so that a signaller pays a fence and a read when nobody sleeps, and takes the lock only when
/// somebody may.
/// </summary>
/// <remarks>
/// The count and the sequences form a Dekker handshake: a waiter increments the count (a full
/// fence) and then reads the sequence; a signaller writes the sequence, fences, and then reads the
/// count. At least one of them sees the other's write, so a wake-up is never lost. The waiter checks
/// and waits under the monitor, so a signaller that saw the count cannot pulse before the waiter
/// sleeps.
/// </remarks>
internal sealed class BlockingSignal
{
    private readonly object _gate = new();
    private int _sleepers;

    public long Wait(long sequence, SequenceBarrier barrier)
    {
        long available;
        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                while ((available = barrier.DependentValue) < sequence)
                {
                    if (barrier.IsAlerted)
                        return available;
                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
        return available;
    }

    public void SignalAll()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) != 0)
            PulseAll();
    }

    private void PulseAll()
    {
        lock (_gate)
            Monitor.PulseAll(_gate);
    }
}

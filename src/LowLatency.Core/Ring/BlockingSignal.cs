namespace LowLatency.Core.Ring;

/// <summary>
/// The sleeping half of the blocking strategies: a monitor to wait on and a count of sleepers not
/// yet signalled, so that a signaller pays a fence and a read when nobody sleeps, and takes the
/// lock once per sleep, not once per publication.
/// </summary>
/// <remarks>
/// <para>The count and the sequences form a Dekker handshake: a waiter increments the count (a full
/// fence) and then reads the sequence; a signaller writes the sequence, fences, and then reads the
/// count. At least one of them sees the other's write, so a wake-up is never lost. The waiter
/// registers, checks and waits under the monitor, so a signaller that saw the count cannot pulse
/// before the waiter sleeps.</para>
/// <para>The signaller that finds sleepers takes the count back to zero before it pulses: every
/// thread counted then is in the monitor's queue or about to enter it, and that one pulse wakes
/// them all. The publications that follow while the woken consumer gets back on a CPU (tens of
/// microseconds on a busy machine) then cost a read each, instead of a lock they would contend for
/// with the consumer reacquiring the monitor. A woken waiter counts itself again before every
/// check, and takes its count back when the check finds its sequence.</para>
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
            while (true)
            {
                Interlocked.Increment(ref _sleepers);
                if ((available = barrier.DependentValue) >= sequence || barrier.IsAlerted)
                {
                    Unregister();
                    return available;
                }
                Monitor.Wait(_gate);
            }
        }
    }

    public void SignalAll()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) != 0 && Interlocked.Exchange(ref _sleepers, 0) != 0)
            PulseAll();
    }

    /// <summary>
    /// Takes back the registration of a waiter that found its sequence without sleeping, unless a
    /// signaller already took the count to zero. Only under the monitor: no other waiter can count
    /// itself between this waiter's increment and this decrement, so a positive count here still
    /// holds this waiter's own registration.
    /// </summary>
    private void Unregister()
    {
        int current = Volatile.Read(ref _sleepers);
        while (current > 0)
        {
            int seen = Interlocked.CompareExchange(ref _sleepers, current - 1, current);
            if (seen == current)
                return;
            current = seen;
        }
    }

    private void PulseAll()
    {
        lock (_gate)
            Monitor.PulseAll(_gate);
    }
}

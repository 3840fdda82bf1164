namespace LowLatency.Core.Ring;

/// <summary>Spins, then yields, then sleeps on a monitor like <see cref="BlockingWaitStrategy"/>.</summary>
/// <remarks>
/// The default of a ring and of <see cref="Threading.CpuPlan"/> when cores are scarce: during a
/// burst the consumer catches the next event while still spinning (no wake-up latency), and when
/// the feed goes quiet it stops burning CPU after a few microseconds. The producer pays a memory
/// fence per publication and takes a lock only while a consumer sleeps. Choose
/// <see cref="BusySpinWaitStrategy"/> instead only when the consumer has a spare core of its own.
/// </remarks>
public sealed class HybridWaitStrategy : IWaitStrategy
{
    private readonly BlockingSignal _signal = new();
    private readonly int _spinTries;
    private readonly int _yieldTries;

    /// <summary>Creates the strategy.</summary>
    /// <param name="spinTries">Reads with a CPU pause between them before yielding.</param>
    /// <param name="yieldTries">Reads with a <see cref="Thread.Yield"/> between them before sleeping.</param>
    public HybridWaitStrategy(int spinTries = 200, int yieldTries = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spinTries);
        ArgumentOutOfRangeException.ThrowIfNegative(yieldTries);
        _spinTries = spinTries;
        _yieldTries = yieldTries;
    }

    /// <inheritdoc />
    public bool IsBlocking => true;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        long available;
        for (int i = 0; i < _spinTries; i++)
        {
            if ((available = barrier.DependentValue) >= sequence || barrier.IsAlerted)
                return available;
            Thread.SpinWait(1);
        }
        for (int i = 0; i < _yieldTries; i++)
        {
            if ((available = barrier.DependentValue) >= sequence || barrier.IsAlerted)
                return available;
            Thread.Yield();
        }
        return _signal.Wait(sequence, barrier);
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking() => _signal.SignalAll();
}

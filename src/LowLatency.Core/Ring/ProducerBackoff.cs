namespace LowLatency.Core.Ring;

/// <summary>
/// How a producer waits for room on a full ring with <see cref="FullRingPolicy.Block"/>: spins and
/// yields for about a millisecond, then sleeps a millisecond at a time so that a stalled consumer
/// does not cost a core forever.
/// </summary>
internal struct ProducerBackoff
{
    private const int YieldingRounds = 1000;

    private SpinWait _spin;
    private int _rounds;

    public void Wait()
    {
        if (_rounds < YieldingRounds)
        {
            _rounds++;
            _spin.SpinOnce(sleep1Threshold: -1);
        }
        else
        {
            Thread.Sleep(1);
        }
    }
}

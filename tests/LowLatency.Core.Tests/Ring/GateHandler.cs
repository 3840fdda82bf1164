using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// A consumer that stops inside the event at <see cref="BlockAt"/> until released, so tests can
/// hold a consumer still at a known sequence. Records sequences, lost counts and gap marks.
/// </summary>
public sealed class GateHandler(RingBuffer<RingTestEvent> ring, long blockAt) : IEventHandler<RingTestEvent>
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _release = new();

    public long BlockAt => blockAt;

    public List<long> Sequences { get; } = [];

    public List<(long Sequence, long LostBefore, long GapMark)> Gaps { get; } = [];

    public bool WaitUntilBlocked(TimeSpan timeout) => _entered.Wait(timeout);

    public void Release() => _release.Set();

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == blockAt)
        {
            _entered.Set();
            _release.Wait();
        }
        Sequences.Add(sequence);
        long lost = ring.LostBefore(sequence);
        if (lost != 0 || data.GapLost != 0)
            Gaps.Add((sequence, lost, data.GapLost));
    }
}

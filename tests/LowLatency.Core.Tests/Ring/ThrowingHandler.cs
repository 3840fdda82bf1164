using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>A consumer whose handler throws at chosen sequences and records the others.</summary>
public sealed class ThrowingHandler(params long[] throwAt) : IEventHandler<RingTestEvent>
{
    public List<long> Handled { get; } = [];

    public List<InvalidOperationException> Thrown { get; } = [];

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (Array.IndexOf(throwAt, sequence) >= 0)
        {
            var failure = new InvalidOperationException($"handler failure at {sequence}");
            Thrown.Add(failure);
            throw failure;
        }
        Handled.Add(sequence);
    }
}

using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>A consumer whose start hook fails.</summary>
public sealed class FailingStartHandler : IEventHandler<RingTestEvent>
{
    public void OnStart() => throw new InvalidOperationException("cannot start");

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
    }
}

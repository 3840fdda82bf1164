using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Records the thread its hooks and events run on.</summary>
public sealed class ThreadNameHandler : IEventHandler<RingTestEvent>
{
    public string? StartedOn { get; private set; }

    public string? EventOn { get; private set; }

    public bool ShutDown { get; private set; }

    public void OnStart() => StartedOn = Thread.CurrentThread.Name;

    public void OnShutdown() => ShutDown = true;

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch) => EventOn = Thread.CurrentThread.Name;
}

using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Stands for the feed's market event gap flag: copies the lost count into the event.</summary>
public sealed class TestGapMarker : IGapMarker<RingTestEvent>
{
    public void MarkGap(ref RingTestEvent data, long lostEvents) => data.GapLost = lostEvents;
}

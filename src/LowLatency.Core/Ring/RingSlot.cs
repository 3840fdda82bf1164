namespace LowLatency.Core.Ring;

/// <summary>
/// One entry of the ring: the event, and how many events were dropped just before it
/// (<see cref="FullRingPolicy.DropAndFlagGap"/>). Kept side by side so the gap count travels in
/// the same cache line as the event it belongs to.
/// </summary>
internal struct RingSlot<T>
    where T : struct
{
    public T Event;

    public long LostBefore;
}

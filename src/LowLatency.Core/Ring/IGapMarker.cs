namespace LowLatency.Core.Ring;

/// <summary>
/// Writes a "data was lost before this event" marker into an event of type <typeparamref name="T"/>,
/// for rings whose <see cref="FullRingPolicy"/> is <see cref="FullRingPolicy.DropAndFlagGap"/>.
/// </summary>
/// <typeparam name="T">The event type; for the engine, the feed's market event with its Gap flag.</typeparam>
/// <remarks>
/// The ring always records the lost count per slot (<see cref="RingBuffer{T}.LostBefore"/>), which
/// any consumer can query. A marker is the optional second half: it lets an event type that has a
/// gap flag of its own carry it, so consumers that only look at the event see the gap too. The ring
/// calls <see cref="MarkGap"/> on the publishing thread, after the producer wrote the event and
/// before it becomes visible, and only when events were actually lost, so an interface call here
/// costs nothing on the normal path.
/// </remarks>
public interface IGapMarker<T>
    where T : struct
{
    /// <summary>Marks <paramref name="data"/> as the first event after <paramref name="lostEvents"/> dropped ones.</summary>
    /// <param name="data">The event about to be published, by reference.</param>
    /// <param name="lostEvents">How many events were dropped since the previous published one (at least 1).</param>
    void MarkGap(ref T data, long lostEvents);
}

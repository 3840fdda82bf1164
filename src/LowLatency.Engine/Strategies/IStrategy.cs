using LowLatency.Engine.Quality;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Strategies;

/// <summary>
/// User code hosted by the signal consumer: it receives every event of the instruments and
/// channels it subscribed to, in order, after the caches already show it.
/// </summary>
/// <remarks>
/// <para>Every callback runs on the signal consumer's thread, one at a time, so a strategy needs
/// no locks for its own state. The event is the ring's slot itself, passed by read-only
/// reference: read what you need during the call, copy it if it must outlive the call.</para>
/// <para>Keep callbacks short and allocation-free: the signal consumer gates the ring, so a slow
/// strategy back-pressures the feed (or makes it drop, with <c>DropAndFlagGap</c>). An exception
/// is caught, counted and logged once per strategy; the next event is delivered normally.</para>
/// </remarks>
public interface IStrategy
{
    /// <summary>An event of a subscribed instrument and channel, or a <see cref="MarketEventKind.Gap"/> of one of its instruments.</summary>
    void OnEvent(ref readonly MarketEvent marketEvent);

    /// <summary>The data-quality state of a subscribed instrument and channel changed (on the same thread, in order with the events).</summary>
    void OnDataQualityChanged(DataQualityChange change)
    {
    }
}

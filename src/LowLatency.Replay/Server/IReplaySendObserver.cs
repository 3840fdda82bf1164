namespace LowLatency.Replay.Server;

/// <summary>
/// Told by a connection's send loop, just before each socket write, which recorded messages the
/// write carries: the hook that lets a harness measure latency from the moment a frame is handed
/// to the socket (wire time) to the moment a consumer made it visible.
/// </summary>
/// <remarks>
/// Called on the connection's send loop once per write that carries recorded messages, never per
/// message; an implementation must be quick and thread-safe (connections send concurrently).
/// Messages a reorder fault holds back are reported with the write that took them from the feed.
/// </remarks>
public interface IReplaySendObserver
{
    /// <summary>
    /// Connection <paramref name="connectionId"/> (1, 2, ... in accept order) is about to write the
    /// recorded messages it took from feed indices [<paramref name="fromIndex"/>, <paramref name="toIndex"/>)
    /// (those it did not subscribe are skipped, not sent), at <paramref name="timestamp"/>
    /// (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).
    /// </summary>
    void OnSending(long connectionId, int fromIndex, int toIndex, long timestamp);
}

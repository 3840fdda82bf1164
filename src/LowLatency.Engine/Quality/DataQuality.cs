namespace LowLatency.Engine.Quality;

/// <summary>How far the data of one instrument and channel can be trusted.</summary>
public enum DataQuality : byte
{
    /// <summary>Streamed, fresh and consistent with the exchange as far as every check can tell.</summary>
    Synced,

    /// <summary>Waiting for a snapshot or a first update (just subscribed, after a gap, a checksum mismatch or a crossed book).</summary>
    Resyncing,

    /// <summary>No update within the channel's freshness threshold, or the connection is down: the cached data is old.</summary>
    Stale,

    /// <summary>Served from REST instead of the stream (the stream is stale or the WebSocket is disabled).</summary>
    Degraded,
}
